# BBCLASSEXTEND = "nativesdk": the variant builds for an SDK host.
CLASSOVERRIDE = "class-nativesdk"
PN = "nativesdk-${BPN}"
