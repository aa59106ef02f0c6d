"""The commit dates as proof that each post was written on its day.

`gitlog` reads the first commit of every post with one `git log` over the posts folder (renames
followed; a shallow clone, a repository without commits or a folder outside Git is `Unavailable`, never
half-read), `proof` turns those commits into a status per post (on time, late, imported, uncommitted),
the counts and the verified streaks, `render` writes the report of `learnlog-check history`, and
`pictures` draws the verified-streak badge and the calendar heatmap that `index` writes. Nothing here
prints, or reads anything but git's output; the posts come from the caller. Import the modules
themselves: this file loads none of them, so that a rule can name a status without loading git's runner.
"""
