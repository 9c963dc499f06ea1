import logging, sys
log = logging.getLogger('gbadapt')
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter('%(message)s [%(user)s]'))
log.addHandler(h)
log.setLevel(logging.INFO)
a = logging.LoggerAdapter(log, {'user': 'bob'})
a.info('hello')
class NoX(logging.Filter):
    def filter(self, record):
        return 'x' not in record.getMessage()
log.addFilter(NoX())
a.info('has x')
a.info('clean')
