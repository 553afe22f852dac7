#!/usr/bin/python3
"""set-setting.py FILE NAME VALUE: sets NAME = VALUE in a Synnefo settings file as an operator edits it.

VALUE is Python source (a literal, possibly on several lines). The first assignment of NAME, active or
commented out ('#NAME = ...' or '# NAME = ...', the way the packages ship their defaults), is replaced
together with its continuation lines (a commented dict or tuple block goes as a whole, as an operator
uncommenting and editing it leaves it); with no such assignment, NAME = VALUE is appended. The file keeps
its owner and mode (written in place).
"""
import codeop
import re
import sys


def statement_end(lines, start, prefix):
    """Index after the last line of the statement starting at lines[start] (its lines without prefix)."""
    source = ''
    for i in range(start, len(lines)):
        line = lines[i]
        if prefix and not line.startswith(prefix.rstrip()):
            break
        source += line[len(prefix):] if line.startswith(prefix) else line[len(prefix.rstrip()):]
        try:
            if codeop.compile_command(source, symbol='exec') is not None:
                return i + 1
        except SyntaxError:
            break
    return start + 1


def set_setting(path, name, value):
    with open(path, encoding='utf-8') as f:
        lines = f.read().splitlines(keepends=True)
    assignment = re.compile(r'^(#\s?)?%s\s*=' % re.escape(name))
    new = ['%s = %s\n' % (name, value.rstrip('\n'))]
    for i, line in enumerate(lines):
        match = assignment.match(line)
        if match:
            lines[i:statement_end(lines, i, match.group(1) or '')] = new
            break
    else:
        if lines and not lines[-1].endswith('\n'):
            lines[-1] += '\n'
        lines += new
    with open(path, 'w', encoding='utf-8') as f:
        f.writelines(lines)


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit('usage: set-setting.py FILE NAME VALUE')
    set_setting(*sys.argv[1:])
