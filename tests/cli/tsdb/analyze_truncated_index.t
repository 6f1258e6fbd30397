# An index cut after its header has no TOC: exit 3 with the byte offset.
$ caxtool tsdb analyze data 01M8MRSZTYZ0WG0KY5ERJDXQZJ
--- file data/01M8MRSZTYZ0WG0KY5ERJDXQZJ/meta.json
{"ulid":"01M8MRSZTYZ0WG0KY5ERJDXQZJ","minTime":0,"maxTime":7200000,"version":1}
--- file data/01M8MRSZTYZ0WG0KY5ERJDXQZJ/index [escaped no-eol]
\xba\xaa\xd7\x00\x02\x00\x00\x00\x00\x00
--- stderr
caxtool: block data/01M8MRSZTYZ0WG0KY5ERJDXQZJ: index: byte 10: file of 10 bytes is too short for a TOC
--- exit 3
