# The public address of the fixture site's production build.
SITEURL = "https://www.coastal-greens.example"
