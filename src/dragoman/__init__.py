"""dragoman: who said what and who did what to whom in international news."""
__version__ = "0.1.0"
