"""The agreement's life after signing: periodic KPI reviews and profit-share settlements."""
