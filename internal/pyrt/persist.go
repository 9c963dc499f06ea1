package pyrt

import (
	"database/sql"
	"errors"
	"fmt"

	"github.com/go-python/gpython/py"
	_ "github.com/mattn/go-sqlite3" // database/sql driver "sqlite3"
)

// The _pyrt_persist module backs bb.persist_data: key/value tables in BitBake's sqlite file
// (PERSISTENT_DIR/bb_persist_data.sqlite3), with BitBake's schema, so gobake and BitBake
// share values such as Isar's ISAR_BUILD_UUID in one build directory. Every call opens the
// file and closes it again, as short transactions, because BitBake processes may use it too.

func init() {
	fn := func(name string, nargs int, body func(db *sql.DB, table string, args py.Tuple) (py.Object, error)) *py.Method {
		return py.MustNewMethod(name, func(_ py.Object, args py.Tuple) (py.Object, error) {
			if len(args) != nargs {
				return nil, py.ExceptionNewf(py.TypeError, "%s() takes %d arguments (%d given)", name, nargs, len(args))
			}
			file, table := Str(args[0]), Str(args[1])
			if !sqlIdent(table) {
				return nil, py.ExceptionNewf(py.ValueError, "invalid persist_data domain %q", table)
			}
			db, err := sql.Open("sqlite3", "file:"+file+"?_busy_timeout=5000")
			if err != nil {
				return nil, py.ExceptionNewf(py.OSError, "persist_data %s: %v", file, err)
			}
			defer db.Close()
			if _, err := db.Exec("CREATE TABLE IF NOT EXISTS " + table + "(key TEXT PRIMARY KEY NOT NULL, value TEXT);"); err != nil {
				return nil, py.ExceptionNewf(py.OSError, "persist_data %s: %v", file, err)
			}
			res, err := body(db, table, args[2:])
			if err != nil {
				if py.IsException(py.BaseException, err) {
					return nil, err
				}
				return nil, py.ExceptionNewf(py.OSError, "persist_data %s: %v", file, err)
			}
			return res, nil
		}, 0, name)
	}
	py.RegisterModule(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "_pyrt_persist", Doc: "sqlite key/value tables for bb.persist_data (gobake)."},
		Methods: []*py.Method{
			fn("get", 3, func(db *sql.DB, table string, a py.Tuple) (py.Object, error) {
				var v sql.NullString
				err := db.QueryRow("SELECT value FROM "+table+" WHERE key=?;", Str(a[0])).Scan(&v)
				if errors.Is(err, sql.ErrNoRows) {
					return py.None, nil
				}
				if err != nil {
					return nil, err
				}
				if !v.Valid {
					return py.None, nil
				}
				return py.String(v.String), nil
			}),
			fn("set", 4, func(db *sql.DB, table string, a py.Tuple) (py.Object, error) {
				_, err := db.Exec("INSERT OR REPLACE INTO "+table+"(key, value) VALUES (?, ?);", Str(a[0]), Str(a[1]))
				return py.None, err
			}),
			fn("delete", 3, func(db *sql.DB, table string, a py.Tuple) (py.Object, error) {
				_, err := db.Exec("DELETE FROM "+table+" WHERE key=?;", Str(a[0]))
				return py.None, err
			}),
			fn("keys", 2, func(db *sql.DB, table string, _ py.Tuple) (py.Object, error) {
				rows, err := db.Query("SELECT key FROM " + table + ";")
				if err != nil {
					return nil, err
				}
				defer rows.Close()
				var out []py.Object
				for rows.Next() {
					var k string
					if err := rows.Scan(&k); err != nil {
						return nil, fmt.Errorf("reading keys: %w", err)
					}
					out = append(out, py.String(k))
				}
				return py.NewListFromItems(out), rows.Err()
			}),
		},
	})
}

// sqlIdent reports whether s can name a table unquoted.
func sqlIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
