# empty: every task is declared by the recipes
