/*
 * baseline.sql.ddl._lexer: the hot loop of the DDL lexer, in C, and its token type.
 *
 * Why: a live read of a MySQL server builds every table from its SHOW CREATE
 * text (about 200 tokens a table); the pure-Python lexer (lexer.py) spends a
 * third of that build making tokens one regular-expression match at a time.
 *
 * Contract (lexer.py's master pattern stays the reference and the fallback):
 * scan() takes only the tokens whose reading is certain from plain ASCII, and
 * stops at the start of anything else (before the whitespace in front of it,
 * where the pattern's match starts: errors then point at the same place as
 * without this loop), where the Python loop takes one token
 * with the master pattern and calls scan() again. Stopping early is always
 * correct. Taken here, each exactly as the pattern reads it:
 *
 *   - whitespace [ \t\r\n\f\v] between tokens (skipped);
 *   - a word [A-Za-z_$][A-Za-z0-9_$]* not followed by a quote or a character
 *     from U+0080 on (those make charset introducers, x'..', N'..', or longer
 *     identifiers: the pattern decides);
 *   - a number: digits, an optional '.' and digits, an optional complete
 *     exponent, not followed by an identifier character (then the pattern's
 *     backtracking decides);
 *   - a backquoted identifier without a doubled backtick;
 *   - a '...' string without a backslash or a doubled quote (its value is its
 *     body as it is);
 *   - the punctuation ( ) , ; = and '.' not followed by a digit (nor by a
 *     character from U+0080 on: Python's \d takes every script's digits).
 *
 * Everything else (comments and version comments, '-', '*', '/', '#', '"',
 * '@', operators of two characters, escapes, non-ASCII outside quotes, an
 * unterminated quote) stops the scan.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

/* ------------------------------------------------------------------ Token */

typedef struct {
    PyObject_HEAD
    PyObject *kind;
    PyObject *text;
    PyObject *value;
    PyObject *up;
    PyObject *intro;
    Py_ssize_t start;
    Py_ssize_t end;
} TokenObject;

static PyObject *K_WORD, *K_QID, *K_STR, *K_NUM, *K_OP;

static PyTypeObject TokenType;

/* A new token; steals no reference (increments its own). */
static PyObject *token_make(PyObject *kind, PyObject *text, PyObject *value, Py_ssize_t start,
                            Py_ssize_t end, PyObject *up, PyObject *intro)
{
    TokenObject *t = PyObject_New(TokenObject, &TokenType);
    if (t == NULL)
        return NULL;
    Py_INCREF(kind);
    t->kind = kind;
    Py_INCREF(text);
    t->text = text;
    Py_INCREF(value);
    t->value = value;
    Py_INCREF(up);
    t->up = up;
    Py_INCREF(intro);
    t->intro = intro;
    t->start = start;
    t->end = end;
    return (PyObject *)t;
}

static PyObject *Token_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *names[] = {"kind", "text", "value", "start", "end", "intro", NULL};
    PyObject *kind, *text, *value, *intro = Py_None, *up;
    Py_ssize_t start, end;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "UUOnn|O:Token", names, &kind, &text, &value, &start,
                                     &end, &intro))
        return NULL;
    int word = PyUnicode_Compare(kind, K_WORD);
    if (word == -1 && PyErr_Occurred())
        return NULL;
    if (word == 0) {
        up = PyObject_CallMethod(text, "upper", NULL);
        if (up == NULL)
            return NULL;
    } else {
        up = Py_None;
        Py_INCREF(up);
    }
    PyObject *t = token_make(kind, text, value, start, end, up, intro);
    Py_DECREF(up);
    return t;
}

static void Token_dealloc(TokenObject *t)
{
    Py_XDECREF(t->kind);
    Py_XDECREF(t->text);
    Py_XDECREF(t->value);
    Py_XDECREF(t->up);
    Py_XDECREF(t->intro);
    PyObject_Free(t);
}

static PyObject *Token_repr(TokenObject *t)
{
    return PyUnicode_FromFormat("Token(%U, %R)", t->kind, t->text);
}

static PyMemberDef Token_members[] = {
    {"kind", T_OBJECT, offsetof(TokenObject, kind), READONLY, NULL},
    {"text", T_OBJECT, offsetof(TokenObject, text), READONLY, NULL},
    {"value", T_OBJECT, offsetof(TokenObject, value), READONLY, NULL},
    {"up", T_OBJECT, offsetof(TokenObject, up), READONLY,
     "the upper-cased text of a word (keyword tests); None for other kinds"},
    {"intro", T_OBJECT, offsetof(TokenObject, intro), READONLY, NULL},
    {"start", T_PYSSIZET, offsetof(TokenObject, start), READONLY, NULL},
    {"end", T_PYSSIZET, offsetof(TokenObject, end), READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyTypeObject TokenType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "baseline.sql.ddl._lexer.Token",
    .tp_basicsize = sizeof(TokenObject),
    .tp_dealloc = (destructor)Token_dealloc,
    .tp_repr = (reprfunc)Token_repr,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "One token (kind, text, value, start, end, up, intro); immutable.",
    .tp_members = Token_members,
    .tp_new = Token_new,
};

/* ------------------------------------------------------------------ scan */

static inline int is_ws(Py_UCS4 c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static inline int is_digit(Py_UCS4 c) { return c >= '0' && c <= '9'; }

static inline int is_word_start(Py_UCS4 c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
}

static inline int is_word_char(Py_UCS4 c) { return is_word_start(c) || is_digit(c); }

/* Append a token of text[a:b] (value the same string) to list; 0 or -1. ``word``:
 * its upper-cased text too (ASCII only here, so upper() is ASCII's). */
static int push_same(PyObject *list, PyObject *kind, PyObject *text, Py_ssize_t a, Py_ssize_t b, int word)
{
    PyObject *s = PyUnicode_Substring(text, a, b);
    if (s == NULL)
        return -1;
    PyObject *up = Py_None;
    int own_up = 0;
    if (word) {
        int kind_ = PyUnicode_KIND(s);
        const void *data = PyUnicode_DATA(s);
        Py_ssize_t n = b - a, k;
        int lower = 0;
        for (k = 0; k < n; k++) {
            Py_UCS4 c = PyUnicode_READ(kind_, data, k);
            if (c >= 'a' && c <= 'z') {
                lower = 1;
                break;
            }
        }
        if (!lower) {
            up = s;
        } else {
            up = PyUnicode_New(n, 127);
            if (up == NULL) {
                Py_DECREF(s);
                return -1;
            }
            own_up = 1;
            Py_UCS1 *out = PyUnicode_1BYTE_DATA(up);
            for (k = 0; k < n; k++) {
                Py_UCS4 c = PyUnicode_READ(kind_, data, k);
                out[k] = (Py_UCS1)((c >= 'a' && c <= 'z') ? c - 32 : c);
            }
        }
    }
    PyObject *t = token_make(kind, s, s, a, b, up, Py_None);
    if (own_up)
        Py_DECREF(up);
    Py_DECREF(s);
    if (t == NULL)
        return -1;
    int r = PyList_Append(list, t);
    Py_DECREF(t);
    return r;
}

/* Append a token text[a:b] whose value is text[va:vb]. */
static int push_quoted(PyObject *list, PyObject *kind, PyObject *text, Py_ssize_t a, Py_ssize_t b,
                       Py_ssize_t va, Py_ssize_t vb)
{
    PyObject *s = PyUnicode_Substring(text, a, b);
    if (s == NULL)
        return -1;
    PyObject *v = PyUnicode_Substring(text, va, vb);
    if (v == NULL) {
        Py_DECREF(s);
        return -1;
    }
    PyObject *t = token_make(kind, s, v, a, b, Py_None, Py_None);
    Py_DECREF(s);
    Py_DECREF(v);
    if (t == NULL)
        return -1;
    int r = PyList_Append(list, t);
    Py_DECREF(t);
    return r;
}

/* scan(text, pos, tokens) -> pos: see the contract at the top. */
static PyObject *scan(PyObject *self, PyObject *args)
{
    PyObject *text, *list;
    Py_ssize_t pos;
    if (!PyArg_ParseTuple(args, "UnO!:scan", &text, &pos, &PyList_Type, &list))
        return NULL;
    const int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    const Py_ssize_t n = PyUnicode_GET_LENGTH(text);
#define AT(i) ((i) < n ? PyUnicode_READ(kind, data, (i)) : (Py_UCS4)0)
    Py_ssize_t stop = pos; /* where a stop returns to: before the whitespace, as the
                              pattern's own match starts there (error positions) */
    while (pos < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, pos);
        if (is_ws(c)) {
            pos++;
            continue;
        }
        Py_ssize_t a = pos, i;
        if (is_word_start(c)) {
            for (i = a + 1; i < n && is_word_char(PyUnicode_READ(kind, data, i)); i++)
                ;
            Py_UCS4 next = AT(i);
            if (next >= 0x80 || next == '\'' || next == '"')
                break;
            if (push_same(list, K_WORD, text, a, i, 1) < 0)
                return NULL;
            stop = pos = i;
        } else if (is_digit(c)) {
            for (i = a + 1; i < n && is_digit(PyUnicode_READ(kind, data, i)); i++)
                ;
            if (AT(i) == '.')
                for (i++; i < n && is_digit(PyUnicode_READ(kind, data, i)); i++)
                    ;
            if (AT(i) == 'e' || AT(i) == 'E') {
                Py_ssize_t j = i + 1;
                if (AT(j) == '+' || AT(j) == '-')
                    j++;
                if (is_digit(AT(j))) {
                    for (j++; j < n && is_digit(PyUnicode_READ(kind, data, j)); j++)
                        ;
                    i = j;
                }
            }
            Py_UCS4 next = AT(i);
            if (is_word_char(next) || next >= 0x80)
                break;
            if (push_same(list, K_NUM, text, a, i, 0) < 0)
                return NULL;
            stop = pos = i;
        } else if (c == '`') {
            for (i = a + 1; i < n && PyUnicode_READ(kind, data, i) != '`'; i++)
                ;
            if (i >= n || AT(i + 1) == '`')
                break; /* unterminated, or a doubled backtick: the pattern's */
            if (push_quoted(list, K_QID, text, a, i + 1, a + 1, i) < 0)
                return NULL;
            stop = pos = i + 1;
        } else if (c == '\'') {
            Py_UCS4 d = 0;
            for (i = a + 1; i < n; i++) {
                d = PyUnicode_READ(kind, data, i);
                if (d == '\'' || d == '\\')
                    break;
            }
            if (i >= n || d == '\\' || AT(i + 1) == '\'')
                break;
            if (push_quoted(list, K_STR, text, a, i + 1, a + 1, i) < 0)
                return NULL;
            stop = pos = i + 1;
        } else if (c == '(' || c == ')' || c == ',' || c == ';' || c == '=' ||
                   (c == '.' && !is_digit(AT(a + 1)) && AT(a + 1) < 0x80)) {
            if (push_same(list, K_OP, text, a, a + 1, 0) < 0)
                return NULL;
            stop = pos = a + 1;
        } else {
            break;
        }
    }
    if (pos < n)
        pos = stop;
#undef AT
    return PyLong_FromSsize_t(pos);
}

static PyMethodDef methods[] = {
    {"scan", scan, METH_VARARGS,
     "scan(text, pos, tokens) -> pos: append the tokens read for certain from text[pos:] "
     "to the list tokens; return where the scan stopped (a token it leaves to the "
     "master pattern, or len(text))."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_lexer",
                                    "The DDL lexer's hot loop and token type (see lexer.py).", -1,
                                    methods};

PyMODINIT_FUNC PyInit__lexer(void)
{
    if (PyType_Ready(&TokenType) < 0)
        return NULL;
    K_WORD = PyUnicode_InternFromString("w");
    K_QID = PyUnicode_InternFromString("q");
    K_STR = PyUnicode_InternFromString("s");
    K_NUM = PyUnicode_InternFromString("n");
    K_OP = PyUnicode_InternFromString("o");
    if (!K_WORD || !K_QID || !K_STR || !K_NUM || !K_OP)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (m == NULL)
        return NULL;
    Py_INCREF(&TokenType);
    if (PyModule_AddObject(m, "Token", (PyObject *)&TokenType) < 0) {
        Py_DECREF(&TokenType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
