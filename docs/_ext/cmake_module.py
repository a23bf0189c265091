"""The module reference from CudaEnv's own doc blocks.

``.. cmake-module:: <path>`` inserts the reStructuredText block at the top
of a CMake module (between ``#[=======================================================================[.rst:`` and
``#]=======================================================================]``) into the page, so the
docs and the code cannot drift apart. ``.. command:: <name>`` and
``.. cmake-module-name:: <name>`` are cross-reference targets that the
``:command:`` and ``:module:`` roles point at.
"""
import os
import re

from docutils.parsers.rst import Directive, directives
from docutils.statemachine import StringList

BLOCK = re.compile(r"^#\[(=*)\[\.rst:\n(.*?)\n#\]\1\]", re.S | re.M)


class CMakeModule(Directive):
    required_arguments = 1

    def run(self):
        env = self.state.document.settings.env
        rel, path = env.relfn2path(self.arguments[0])
        env.note_dependency(rel)
        name = os.path.splitext(os.path.basename(path))[0]
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as error:
            raise self.severe(f"cannot read CMake module {path}: {error}")
        match = BLOCK.search(text)
        if not match:
            raise self.severe(f"{path} has no '#[===[.rst:' doc block")
        lines = [f".. cmake-module-name:: {name}", ""] + match.group(2).splitlines()
        self.state_machine.insert_input(StringList(lines, source=path), path)
        return []


def setup(app):
    app.add_object_type("command", "command", indextemplate="pair: %s; command")
    app.add_object_type("cmake-module-name", "module", indextemplate="pair: %s; module")
    directives.register_directive("cmake-module", CMakeModule)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
