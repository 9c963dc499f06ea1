class AppError(Exception):
    pass
class ConfigError(AppError):
    pass
class ParseError(ConfigError):
    pass
for cls in (AppError, ConfigError, ParseError):
    try:
        raise cls("bad %s" % cls.__name__)
    except ConfigError as e:
        print("config-level", type(e).__name__, e)
    except AppError as e:
        print("app-level", type(e).__name__, e)
