"""The "State rules" tab: browse and correct the rules for titling a kei truck per state."""
