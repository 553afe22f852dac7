# Written by the benchmark (bench/templates); the cache settings of ${inventory_hostname}.
CACHE_BACKEND = 'memcached://127.0.0.1:11211/'
CACHE_MIDDLEWARE_KEY_PREFIX = '${inventory_hostname}'
CACHE_MIDDLEWARE_SECONDS = ${bench_cache_seconds}
