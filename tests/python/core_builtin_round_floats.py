print(round(0.5), round(1.5), round(2.675, 2), round(1.005, 2), round(-0.5), round(3.14159, 3), round(10.0))
