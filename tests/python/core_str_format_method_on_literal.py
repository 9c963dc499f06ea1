template = "{name}-{version}"
print(template.format(name="pkg", version="1.0"), "{0}{0}".format("ab"))
