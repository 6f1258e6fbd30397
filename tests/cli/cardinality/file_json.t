# JSON for automation: the same figures, the fix as relabel YAML with the series it removes.
$ caxtool --format json cardinality --file metrics.prom --max-label-values 2
--- file metrics.prom
requests_total{path="/a"} 1
requests_total{path="/b"} 1
requests_total{path="/c"} 1
--- stdout
{
  "labelPairs": [
    {
      "name": "path=/a",
      "series": 1
    },
    {
      "name": "path=/b",
      "series": 1
    },
    {
      "name": "path=/c",
      "series": 1
    }
  ],
  "labels": [
    {
      "name": "path",
      "series": 3,
      "values": 3
    }
  ],
  "metrics": [
    {
      "name": "requests_total",
      "series": 3,
      "topLabel": {
        "name": "path",
        "values": 3
      }
    }
  ],
  "notes": [],
  "offenders": [
    {
      "budget": 2,
      "fix": {
        "measured": true,
        "relabel": "- action: labeldrop\n  regex: 'path'\n",
        "removesSeries": 2,
        "summary": "labeldrop path on every metric: 3 series become 1"
      },
      "kind": "label",
      "name": "path",
      "value": 3
    }
  ],
  "scope": "the series one scrape of it adds",
  "source": "metrics.prom",
  "totalSeries": 3
}
--- exit 1
