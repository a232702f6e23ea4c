/*
 * baseline.sql._scanner: the hot loops of the streaming dump splitter, in C.
 *
 * Why: a dump of many gigabytes is mostly data statements, and the pure-Python
 * splitter (baseline/sql/stream.py) reads them at about 200 MB/s; these loops
 * bring the splitter close to the speed of reading the file.
 *
 * Contract (shared with stream.py, which stays the reference and the fallback):
 * every function looks only at buf[pos:limit] and stops at the *start of a
 * token* whenever it cannot decide something from those bytes alone (a literal,
 * comment or delimiter that may continue past `limit`, an opener on the last
 * bytes). The Python caller then reads more input or takes that one token with
 * its exact step. Stopping early is therefore always correct; the rules for
 * what is decided here are the reference splitter's (baseline/sql/split.py):
 *
 *   - '...' and "..." end at a quote not escaped by a backslash (a backslash
 *     escapes the next byte, whatever it is); a doubled quote continues the
 *     literal; `...` has no escapes, a doubled backtick continues it;
 *   - '#' and '-- ' (two dashes then whitespace) comment to the end of the line;
 *   - a slash-star comment runs to the first star-slash after its opener,
 *     unless it is a version comment (opener followed by '!' or 'M!'), whose
 *     content is SQL: only its two opening bytes are skipped;
 *   - otherwise the delimiter ends the statement; any other byte is plain.
 *
 * The checks happen in that order, as in the reference.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#define HAVE_SSE2 1
#endif

static inline int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static inline int is_ident(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           c == '_' || c == '$' || c >= 0x80;
}

/* First index in [p, end) holding one of the bytes a, b (end if none). */
static inline const unsigned char *find2(const unsigned char *p, const unsigned char *end,
                                         unsigned char a, unsigned char b)
{
#ifdef HAVE_SSE2
    const __m128i va = _mm_set1_epi8((char)a), vb = _mm_set1_epi8((char)b);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)));
        if (m)
            return p + __builtin_ctz((unsigned)m);
        p += 16;
    }
#endif
    while (p < end && *p != a && *p != b)
        p++;
    return p;
}

/* The bytes that may start something other than plain text. */
typedef struct {
    unsigned char table[256];
    unsigned char d0;
#ifdef HAVE_SSE2
    __m128i v[8];
    int nv;
#endif
} Specials;

static void specials_init(Specials *s, unsigned char d0)
{
    static const unsigned char base[] = {'\'', '"', '`', '#', '-', '/'};
    memset(s->table, 0, sizeof s->table);
    s->d0 = d0;
    for (size_t i = 0; i < sizeof base; i++)
        s->table[base[i]] = 1;
    s->table[d0] = 1;
#ifdef HAVE_SSE2
    s->nv = 0;
    for (size_t i = 0; i < sizeof base; i++)
        s->v[s->nv++] = _mm_set1_epi8((char)base[i]);
    if (!memchr(base, d0, sizeof base))
        s->v[s->nv++] = _mm_set1_epi8((char)d0);
#endif
}

/* First index in [p, end) holding a special byte (end if none). */
static inline const unsigned char *find_special(const Specials *s, const unsigned char *p,
                                                const unsigned char *end)
{
#ifdef HAVE_SSE2
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)p);
        __m128i acc = _mm_cmpeq_epi8(x, s->v[0]);
        for (int i = 1; i < s->nv; i++)
            acc = _mm_or_si128(acc, _mm_cmpeq_epi8(x, s->v[i]));
        int m = _mm_movemask_epi8(acc);
        if (m)
            return p + __builtin_ctz((unsigned)m);
        p += 16;
    }
#endif
    while (p < end && !s->table[*p])
        p++;
    return p;
}

enum { STOP = 0, FOUND = 1 };

/*
 * Advance over the tokens of one statement from `pos` (< limit).
 * Returns FOUND with *out = where the delimiter starts, or STOP with *out = the
 * start of the first token that cannot be decided within buf[:limit].
 */
static int scan_tokens(const unsigned char *buf, Py_ssize_t pos, Py_ssize_t limit,
                       const unsigned char *delim, Py_ssize_t dlen, const Specials *sp,
                       Py_ssize_t *out)
{
    const unsigned char *p = buf + pos, *end = buf + limit;
    for (;;) {
        p = find_special(sp, p, end);
        if (p >= end) {
            *out = p - buf;
            return STOP;
        }
        unsigned char c = *p;
        if (c == '\'' || c == '"' || c == '`') {
            /* a literal: find its end within the limit */
            const unsigned char *q = p + 1;
            int escapes = c != '`';
            for (;;) {
                q = escapes ? find2(q, end, c, '\\') : memchr(q, c, end - q);
                if (q == NULL || q >= end)
                    goto stop;
                if (*q == '\\') {
                    if (q + 1 >= end)
                        goto stop;
                    q += 2;
                    continue;
                }
                /* a quote: doubled continues the literal; deciding needs the next byte */
                if (q + 1 >= end)
                    goto stop;
                if (q[1] == c) {
                    q += 2;
                    continue;
                }
                break;
            }
            p = q + 1;
            continue;
        }
        if (c == '#' || (c == '-' && p + 1 < end && p[1] == '-')) {
            if (c == '-') {
                if (p + 2 >= end)
                    goto stop;
                if (!is_ws(p[2]))
                    goto plain_or_delim;
            }
            /* a line comment: up to (not past) its newline */
            const unsigned char *nl = memchr(p, '\n', end - p);
            if (nl == NULL)
                goto stop;
            p = nl;
            continue;
        }
        if (c == '-' && p + 1 >= end)
            goto stop; /* cannot tell '-' from '-- ' yet */
        if (c == '/') {
            if (p + 1 >= end)
                goto stop;
            if (p[1] == '*') {
                if (p + 3 >= end)
                    goto stop; /* '/' '*' 'M' '!' needs four bytes */
                if (p[2] == '!' || (p[2] == 'M' && p[3] == '!')) {
                    p += 2; /* version comment: its content is SQL */
                    continue;
                }
                /* a plain block comment: up to its closing star-slash (searched after the opener) */
                const unsigned char *q = p + 2;
                for (;;) {
                    q = memchr(q, '*', end - q);
                    if (q == NULL || q + 1 >= end)
                        goto stop;
                    if (q[1] == '/')
                        break;
                    q++;
                }
                p = q + 2;
                continue;
            }
        }
    plain_or_delim:
        if (c == sp->d0) {
            if (end - p < dlen)
                goto stop;
            if (memcmp(p, delim, dlen) == 0) {
                *out = p - buf;
                return FOUND;
            }
        }
        p++;
        continue;
    stop:
        *out = p - buf;
        return STOP;
    }
}

/* Whether buf[p:] starts a data statement (INSERT or REPLACE as a whole word):
   1 yes, 0 no, -1 cannot tell before `end`. */
static int data_start(const unsigned char *p, const unsigned char *end)
{
    static const char *words[] = {"insert", "replace"};
    for (int w = 0; w < 2; w++) {
        size_t n = strlen(words[w]);
        size_t avail = (size_t)(end - p);
        size_t k = 0;
        while (k < n && k < avail && (p[k] | 0x20) == (unsigned char)words[w][k])
            k++;
        if (k < n) {
            if (k == avail)
                return -1;
            continue;
        }
        if (avail == n)
            return -1;
        return is_ident(p[n]) ? 0 : 1;
    }
    return 0;
}

/* The window's bytes: a bytes or bytearray object, read in place. */
static int window_of(PyObject *obj, const char *name, const unsigned char **buf, Py_ssize_t *len)
{
    if (PyByteArray_Check(obj)) {
        *buf = (const unsigned char *)PyByteArray_AS_STRING(obj);
        *len = PyByteArray_GET_SIZE(obj);
        return 0;
    }
    if (PyBytes_Check(obj)) {
        *buf = (const unsigned char *)PyBytes_AS_STRING(obj);
        *len = PyBytes_GET_SIZE(obj);
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "%s: the window must be bytes or bytearray", name);
    return -1;
}

static int parse_args(PyObject *const *args, Py_ssize_t nargs, const char *name,
                      const unsigned char **buf, Py_ssize_t *len, Py_ssize_t *pos,
                      Py_ssize_t *limit, const unsigned char **delim, Py_ssize_t *dlen)
{
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "%s(buf, pos, limit, delimiter) takes 4 arguments", name);
        return -1;
    }
    if (window_of(args[0], name, buf, len) < 0)
        return -1;
    if (!PyBytes_Check(args[3])) {
        PyErr_Format(PyExc_TypeError, "%s: the delimiter must be bytes", name);
        return -1;
    }
    *pos = PyLong_AsSsize_t(args[1]);
    *limit = PyLong_AsSsize_t(args[2]);
    if ((*pos == -1 || *limit == -1) && PyErr_Occurred())
        return -1;
    *delim = (const unsigned char *)PyBytes_AS_STRING(args[3]);
    *dlen = PyBytes_GET_SIZE(args[3]);
    if (*dlen < 1) {
        PyErr_Format(PyExc_ValueError, "%s: empty delimiter", name);
        return -1;
    }
    if (*limit > *len)
        *limit = *len;
    if (*pos < 0 || *pos > *limit) {
        PyErr_Format(PyExc_ValueError, "%s: position out of range", name);
        return -1;
    }
    return 0;
}

/* Cache of the special-byte set per delimiter's first byte. */
static Specials specials_cache[256];
static unsigned char specials_ready[256];

static const Specials *specials_for(unsigned char d0)
{
    if (!specials_ready[d0]) {
        specials_init(&specials_cache[d0], d0);
        specials_ready[d0] = 1;
    }
    return &specials_cache[d0];
}

PyDoc_STRVAR(statement_end_doc,
"statement_end(buf, pos, limit, delimiter) -> (position, found)\n\n"
"Advance over one statement's tokens from pos. found=True: the delimiter starts\n"
"at position. found=False: position is the start of the first token that cannot\n"
"be decided within buf[:limit] (the caller reads on or takes that token exactly).");

static PyObject *statement_end(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const unsigned char *buf, *delim;
    Py_ssize_t len, pos, limit, dlen, out;
    if (parse_args(args, nargs, "statement_end", &buf, &len, &pos, &limit, &delim, &dlen) < 0)
        return NULL;
    int r = scan_tokens(buf, pos, limit, delim, dlen, specials_for(delim[0]), &out);
    return Py_BuildValue("(nO)", out, r == FOUND ? Py_True : Py_False);
}

PyDoc_STRVAR(skip_data_doc,
"skip_data(buf, pos, limit, delimiter) -> position\n\n"
"Skip consecutive complete data statements (INSERT/REPLACE ... delimiter, and the\n"
"whitespace after each) from pos; returns where the first one that is not complete\n"
"within buf[:limit], or the first other thing, starts.");

static PyObject *skip_data(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const unsigned char *buf, *delim;
    Py_ssize_t len, pos, limit, dlen, out;
    if (parse_args(args, nargs, "skip_data", &buf, &len, &pos, &limit, &delim, &dlen) < 0)
        return NULL;
    const Specials *sp = specials_for(delim[0]);
    const unsigned char *end = buf + limit;
    for (;;) {
        if (data_start(buf + pos, end) != 1)
            break;
        if (scan_tokens(buf, pos, limit, delim, dlen, sp, &out) != FOUND)
            break;
        Py_ssize_t p = out + dlen;
        while (p < limit && is_ws(buf[p]))
            p++;
        pos = p;
    }
    return PyLong_FromSsize_t(pos);
}

PyDoc_STRVAR(count_lines_doc,
"count_lines(buf, start, end) -> int\n\n"
"How many newline bytes buf[start:end] holds (bytes.count, several times faster).");

static PyObject *count_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    const unsigned char *buf;
    Py_ssize_t len, start, end;
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "count_lines(buf, start, end) takes 3 arguments");
        return NULL;
    }
    if (window_of(args[0], "count_lines", &buf, &len) < 0)
        return NULL;
    start = PyLong_AsSsize_t(args[1]);
    end = PyLong_AsSsize_t(args[2]);
    if ((start == -1 || end == -1) && PyErr_Occurred())
        return NULL;
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    Py_ssize_t n = 0;
    const unsigned char *p = buf + start, *e = buf + (end > start ? end : start);
#ifdef HAVE_SSE2
    const __m128i nl = _mm_set1_epi8('\n');
    while (e - p >= 64) {
        for (int k = 0; k < 4; k++) {
            __m128i x = _mm_loadu_si128((const __m128i *)(p + 16 * k));
            n += __builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl)));
        }
        p += 64;
    }
#endif
    while (p < e)
        n += *p++ == '\n';
    return PyLong_FromSsize_t(n);
}

static PyMethodDef methods[] = {
    {"count_lines", (PyCFunction)(void (*)(void))count_lines, METH_FASTCALL, count_lines_doc},
    {"statement_end", (PyCFunction)(void (*)(void))statement_end, METH_FASTCALL, statement_end_doc},
    {"skip_data", (PyCFunction)(void (*)(void))skip_data, METH_FASTCALL, skip_data_doc},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "_scanner",
    "C loops of the streaming dump splitter (see baseline/sql/stream.py).", -1, methods,
};

PyMODINIT_FUNC PyInit__scanner(void)
{
    return PyModule_Create(&module);
}
