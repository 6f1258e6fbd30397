# A range query the server would refuse (over 11,000 points per series) is refused here.
$ caxtool query --url http://127.0.0.1:1 up --start now-30d --step 1s
--- stderr
caxtool: --step: 1.0s over 30d0h is more than the 11000 points per series a server returns; raise --step
--- exit 2
