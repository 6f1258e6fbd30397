# Nothing listens: what was asked, what came back, what to try; exit 3.
$ caxtool status --url http://127.0.0.1:1 --retries 0
--- stderr
caxtool: GET http://127.0.0.1:1/api/v1/status/buildinfo: could not connect: Failed to connect to 127.0.0.1 port 1: Couldn't connect to server
  hint: is the server running and listening there? Set --url or CAXTOOL_URL
--- exit 3
