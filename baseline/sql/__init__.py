"""SQL text tools. Several modules read SQL text, each for one job and at the
speed that job needs; they are deliberately not one tokenizer. What they share
(quoting, unquoting, where a quoted literal ends) lives once, in
:mod:`~baseline.sql.literals`.

==================  =====================================================  ===================================
module              job                                                    how it reads text
==================  =====================================================  ===================================
``literals``        quote/unquote strings and identifiers; find the end    pure functions, the server's rules
                    of a quoted literal
``split``           cut a script into statements as the ``mysql`` client  character loop + ``literals``;
                    does (``DELIMITER``); the reference splitter           raises on unterminated input
``stream``          the same cuts over a dump of any size, data            bytes, sliding window, regexes and
(+ ``_scanner.c``)  statements skipped; must stay above 1 GB/s             C loops (``bench/dump_read.py``)
``compound``        cut a script as the *server* cuts a multi-statement    ``scan`` tokens + block depth
                    text (golang-migrate, dbmate, Prisma files)
``versioned``       evaluate ``/*!NNNNN … */`` comments for one server     skips to the next interesting
                                                                           character; ``literals`` for quotes
``scan``            lossless tokens of server-printed fragments:           small token loop, never fails
                    qualifiers, references, SHOW CREATE lines
``sqltext``         canonical token strings, to compare two spellings of   token list without whitespace,
                    an expression or body                                  never fails
``ddl.lexer``       the DDL parser's tokens: values unescaped, version     one compiled master regex; raises
                    comments evaluated, ``sql_mode`` aware                 ``InputError`` with file and line
``touch``           which objects a statement creates/alters/drops         sqlparse's lexer, first tokens
                    (attribution)                                          only; never fails
==================  =====================================================  ===================================
"""
