# Needs a skipped recipe.
DEPENDS = "skipped"
