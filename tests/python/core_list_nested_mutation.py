grid = [[0] * 3 for _ in range(2)]
grid[0][1] = 5
print(grid)
alias = grid
alias.append([9])
print(len(grid), grid is alias)
