"""zh-TW / en formatting: dates (西元 / 民國), amounts (新臺幣大寫), Chinese numerals."""
