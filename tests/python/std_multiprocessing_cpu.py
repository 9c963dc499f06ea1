import multiprocessing, os
print(multiprocessing.cpu_count() == os.cpu_count(), multiprocessing.cpu_count() > 0)
