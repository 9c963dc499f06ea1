import logging, sys
print(logging.DEBUG, logging.INFO, logging.WARNING, logging.ERROR, logging.CRITICAL)
print(logging.getLevelName(10), logging.getLevelName('INFO'), logging.getLevelName(25))
