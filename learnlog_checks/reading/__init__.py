"""Reading a post, and nothing that names a rule: `heads` reads the first bytes of a file safely,
`splitting` finds the front matter, `yamlnodes` parses it with positions, `parsing` turns a file into a
Post and the `Problem`s found (facts for the FILE rules), `discovery` walks the posts folder, `dates`
and `tagging` are the calendar and the tag text.
"""
