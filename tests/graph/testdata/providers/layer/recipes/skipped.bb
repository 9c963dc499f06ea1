# Skipped at parse time: nothing provides it.
python () {
    raise bb.parse.SkipRecipe("not for this configuration")
}
