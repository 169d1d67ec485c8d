"""Pure domain rules: no database, no Qt, no file or network I/O."""
