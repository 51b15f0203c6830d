"""Build-speed benchmark (``invoke bench``); not part of the site build."""
