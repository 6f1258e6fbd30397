# An index with a bad magic number: exit 3, naming the block, the file and the byte.
$ caxtool tsdb analyze data
--- file data/01M8MRSZTYZ0WG0KY5ERJDXQZJ/meta.json
{"ulid":"01M8MRSZTYZ0WG0KY5ERJDXQZJ","minTime":0,"maxTime":7200000,"stats":{"numSeries":1},"compaction":{"level":1},"version":1}
--- file data/01M8MRSZTYZ0WG0KY5ERJDXQZJ/index [escaped no-eol]
\x00\x00\x00\x00\x02\x00\x00\x00
--- stderr
caxtool: block data/01M8MRSZTYZ0WG0KY5ERJDXQZJ: index: byte 0: bad magic number 0x00000000 (an index starts with 0xbaaad700)
--- exit 3
