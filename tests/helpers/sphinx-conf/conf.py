# The smallest Sphinx configuration that renders the kernel's ABI pages the
# way docs.kernel.org does: the release's own kernel_abi extension (from
# $srctree/Documentation/sphinx) on the admin-guide/abi*.rst pages only, with
# the kernel's settings that change how text reads (quotes only for
# smartquotes, no highlighting). Everything else of the kernel's conf.py
# (themes, LaTeX, other extensions) does not change an ABI entry's structure.
import os
import sys

sys.path.insert(0, os.path.join(os.environ['srctree'], 'Documentation', 'sphinx'))

project = 'The Linux Kernel'
extensions = ['kernel_abi']
root_doc = 'admin-guide/abi'
include_patterns = ['admin-guide/abi*.rst']
highlight_language = 'none'
smartquotes_action = 'q'
html_theme = 'alabaster'
html_copy_source = False
html_show_sourcelink = False
