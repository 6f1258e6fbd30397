# --extended: promtool's cardinality table.
$ caxtool check metrics --extended m.prom
--- file m.prom
# HELP h x
# TYPE h histogram
h_bucket{a="1",le="1"} 1
h_bucket{a="1",le="+Inf"} 1
h_sum{a="1"} 1
h_count{a="1"} 1
# HELP g x
# TYPE g gauge
g{a="1"} 1
g{a="2"} 1
--- stdout
m.prom: 2 metric families, 6 samples (Prometheus text)
Metric    Cardinality    Percentage    
h         4              66.67%        
g         2              33.33%        
Total     6              100%          
--- exit 0
