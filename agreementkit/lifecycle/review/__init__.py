"""The periodic KPI review and profit-share settlement."""
