# Written by the benchmark (bench/templates); the API settings of ${inventory_hostname}.
ASTAKOS_URL = '${bench_astakos_url}'
CYCLADES_BASE_URL = 'https://${inventory_hostname}.bench.example.org/'
CYCLADES_SERVICE_TOKEN = 'bench-not-a-secret'
