# A BLOCK that is not in DIR: exit 3.
$ caxtool tsdb analyze data 01M8MRSZTYZ0WG0KY5ERJDXQZK
--- file data/01M8MRSZTYZ0WG0KY5ERJDXQZJ/meta.json
{"ulid":"01M8MRSZTYZ0WG0KY5ERJDXQZJ","minTime":0,"maxTime":7200000,"version":1}
--- stderr
caxtool: data: block 01M8MRSZTYZ0WG0KY5ERJDXQZK not found
--- exit 3
