def greet(name, greeting="hi"):
    return f"{greeting}, {name}!"
print(greet("bob"), greet("amy", greeting="yo"))
