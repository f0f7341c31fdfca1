"""agreementkit: draft, check and manage channel-partner agreements in zh-TW and English."""

__version__ = "0.1.0"
