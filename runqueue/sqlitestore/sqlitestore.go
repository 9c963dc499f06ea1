// Package sqlitestore is the runqueue.Store kept in a sqlite database (mattn/go-sqlite3),
// normally ${TMPDIR}/gobake/state.db. The schema is documented in package runqueue.
//
// Task updates arrive at scheduler speed (tens of thousands per second for no-op tasks), so
// UpdateTask only queues them; a background writer commits the queue in one transaction
// every FlushInterval, and every read, EndBuild and Close commit it first, so callers always
// read their own writes. Losing the queue in a crash loses history detail only: what is up
// to date is decided by stamps, never by this database.
package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	_ "github.com/mattn/go-sqlite3" // the database/sql driver "sqlite3"

	"github.com/gobake/gobake/runqueue"
)

// FlushInterval is how long task updates may wait in memory before they are committed.
const FlushInterval = 200 * time.Millisecond

const schemaVersion = 1

const schema = `
CREATE TABLE IF NOT EXISTS builds (
	id      INTEGER PRIMARY KEY AUTOINCREMENT,
	started INTEGER,
	ended   INTEGER,
	status  TEXT NOT NULL,
	pid     INTEGER NOT NULL,
	command TEXT NOT NULL,
	targets TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
	build     INTEGER NOT NULL REFERENCES builds(id),
	seq       INTEGER NOT NULL,
	mc        TEXT NOT NULL,
	file      TEXT NOT NULL,
	pn        TEXT NOT NULL,
	task      TEXT NOT NULL,
	hash      TEXT NOT NULL,
	status    TEXT NOT NULL,
	started   INTEGER,
	ended     INTEGER,
	exit_code INTEGER NOT NULL DEFAULT 0,
	log_path  TEXT NOT NULL DEFAULT '',
	error     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (build, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS edges (
	build INTEGER NOT NULL REFERENCES builds(id),
	task  INTEGER NOT NULL,
	dep   INTEGER NOT NULL,
	PRIMARY KEY (build, task, dep)
) WITHOUT ROWID;
`

// Store is a runqueue.Store in a sqlite file.
type Store struct {
	db *sql.DB

	mu      sync.Mutex // guards queue, err, closed; flushMu serialises commits
	flushMu sync.Mutex
	queue   []update
	err     error // first asynchronous commit error, returned by the next call
	closed  bool
	stop    chan struct{}
	done    chan struct{}
}

type update struct {
	build int64
	rec   runqueue.TaskRecord
}

var _ runqueue.Store = (*Store)(nil)

// Path returns the state database's path for a TMPDIR.
func Path(tmpdir string) string { return filepath.Join(tmpdir, "gobake", "state.db") }

// Open opens (creating it and its directory if needed) the database at path.
func Open(path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("runqueue state: %w", err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=NORMAL&_busy_timeout=5000&_foreign_keys=on")
	if err != nil {
		return nil, fmt.Errorf("runqueue state %s: %w", path, err)
	}
	db.SetMaxOpenConns(1)
	var version int
	if err := db.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		db.Close()
		return nil, fmt.Errorf("runqueue state %s: %w", path, err)
	}
	if version > schemaVersion {
		db.Close()
		return nil, fmt.Errorf("runqueue state %s: schema version %d is newer than this gobake's %d", path, version, schemaVersion)
	}
	if _, err := db.Exec(schema + fmt.Sprintf("PRAGMA user_version = %d;", schemaVersion)); err != nil {
		db.Close()
		return nil, fmt.Errorf("runqueue state %s: creating schema: %w", path, err)
	}
	s := &Store{db: db, stop: make(chan struct{}), done: make(chan struct{})}
	go s.writer()
	return s, nil
}

func (s *Store) writer() {
	defer close(s.done)
	tick := time.NewTicker(FlushInterval)
	defer tick.Stop()
	for {
		select {
		case <-s.stop:
			return
		case <-tick.C:
			if err := s.flush(context.Background()); err != nil {
				s.mu.Lock()
				if s.err == nil {
					s.err = err
				}
				s.mu.Unlock()
			}
		}
	}
}

// flush commits the queued task updates in one transaction.
func (s *Store) flush(ctx context.Context) error {
	s.flushMu.Lock()
	defer s.flushMu.Unlock()
	s.mu.Lock()
	q := s.queue
	s.queue = nil
	s.mu.Unlock()
	if len(q) == 0 {
		return nil
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `UPDATE tasks SET status=?, started=?, ended=?, exit_code=?, log_path=?, error=? WHERE build=? AND seq=?`)
		if err != nil {
			return err
		}
		defer st.Close()
		var missing error
		for _, u := range q {
			r := u.rec
			res, err := st.ExecContext(ctx, string(r.Status), unixNano(r.Started), unixNano(r.Ended), r.ExitCode, r.LogPath, r.Error, u.build, r.Seq)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 && missing == nil {
				missing = fmt.Errorf("build %d has no task %d", u.build, r.Seq)
			}
		}
		if missing != nil {
			// Commit the valid updates and report the bad one.
			s.mu.Lock()
			if s.err == nil {
				s.err = missing
			}
			s.mu.Unlock()
		}
		return nil
	})
}

// sync returns a pending asynchronous error or commits the queue: what every call does first.
func (s *Store) sync(ctx context.Context) error {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return errors.New("runqueue state: store closed")
	}
	if err := s.flush(ctx); err != nil {
		return fmt.Errorf("runqueue state: %w", err)
	}
	s.mu.Lock()
	err := s.err
	s.err = nil
	s.mu.Unlock()
	if err != nil {
		return fmt.Errorf("runqueue state: %w", err)
	}
	return nil
}

func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func unixNano(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixNano()
}

func fromNano(n sql.NullInt64) time.Time {
	if !n.Valid {
		return time.Time{}
	}
	return time.Unix(0, n.Int64)
}

// BeginBuild implements runqueue.Store.
func (s *Store) BeginBuild(ctx context.Context, b runqueue.BuildRecord) (int64, error) {
	if err := s.sync(ctx); err != nil {
		return 0, err
	}
	if b.Status == "" {
		b.Status = runqueue.BuildRunning
	}
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE builds SET status=? WHERE status=?`, string(runqueue.BuildInterrupted), string(runqueue.BuildRunning)); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO builds(started, ended, status, pid, command, targets) VALUES(?,?,?,?,?,?)`,
			unixNano(b.Started), unixNano(b.Ended), string(b.Status), b.PID, b.Command, strings.Join(b.Targets, "\n"))
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("runqueue state: recording build: %w", err)
	}
	return id, nil
}

// AddTasks implements runqueue.Store.
func (s *Store) AddTasks(ctx context.Context, build int64, tasks []runqueue.TaskRecord, edges []runqueue.Edge) error {
	if err := s.sync(ctx); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM builds WHERE id=?`, build).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("no build %d", build)
		}
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM tasks WHERE build=?`, build).Scan(&n); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO tasks(build, seq, mc, file, pn, task, hash, status, started, ended, exit_code, log_path, error) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, t := range tasks {
			if t.Seq != n {
				return fmt.Errorf("task %s has seq %d, want %d", t.ID, t.Seq, n)
			}
			n++
			status := t.Status
			if status == "" {
				status = runqueue.StatusPending
			}
			if _, err := st.ExecContext(ctx, build, t.Seq, t.ID.MC, t.ID.File, t.PN, t.ID.Task, t.Hash, string(status),
				unixNano(t.Started), unixNano(t.Ended), t.ExitCode, t.LogPath, t.Error); err != nil {
				return err
			}
		}
		est, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO edges(build, task, dep) VALUES(?,?,?)`)
		if err != nil {
			return err
		}
		defer est.Close()
		for _, e := range edges {
			if _, err := est.ExecContext(ctx, build, e.Task, e.Dep); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("runqueue state: build %d: recording tasks: %w", build, err)
	}
	return nil
}

// UpdateTask implements runqueue.Store. The update is committed asynchronously (see the
// package documentation); an error surfaces on a later call.
func (s *Store) UpdateTask(ctx context.Context, build int64, rec runqueue.TaskRecord) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errors.New("runqueue state: store closed")
	}
	if err := s.err; err != nil {
		s.err = nil
		return fmt.Errorf("runqueue state: %w", err)
	}
	s.queue = append(s.queue, update{build, rec})
	return nil
}

// EndBuild implements runqueue.Store.
func (s *Store) EndBuild(ctx context.Context, build int64, status runqueue.BuildStatus, ended time.Time) error {
	if err := s.sync(ctx); err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, `UPDATE builds SET status=?, ended=? WHERE id=?`, string(status), unixNano(ended), build)
	if err != nil {
		return fmt.Errorf("runqueue state: ending build %d: %w", build, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("runqueue state: no build %d", build)
	}
	return nil
}

// Builds implements runqueue.Store.
func (s *Store) Builds(ctx context.Context, limit int) ([]runqueue.BuildRecord, error) {
	if err := s.sync(ctx); err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `
		SELECT b.id, b.started, b.ended, b.status, b.pid, b.command, b.targets,
			(SELECT COUNT(*) FROM tasks t WHERE t.build=b.id),
			(SELECT COUNT(*) FROM tasks t WHERE t.build=b.id AND t.status IN ('done','failed')),
			(SELECT COUNT(*) FROM tasks t WHERE t.build=b.id AND t.status='failed')
		FROM builds b ORDER BY b.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("runqueue state: listing builds: %w", err)
	}
	defer rows.Close()
	var out []runqueue.BuildRecord
	for rows.Next() {
		var b runqueue.BuildRecord
		var started, ended sql.NullInt64
		var status, targets string
		if err := rows.Scan(&b.ID, &started, &ended, &status, &b.PID, &b.Command, &targets, &b.Tasks, &b.Ran, &b.Failed); err != nil {
			return nil, fmt.Errorf("runqueue state: listing builds: %w", err)
		}
		b.Started, b.Ended, b.Status = fromNano(started), fromNano(ended), runqueue.BuildStatus(status)
		if targets != "" {
			b.Targets = strings.Split(targets, "\n")
		}
		out = append(out, b)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("runqueue state: listing builds: %w", err)
	}
	return out, nil
}

func (s *Store) checkBuild(ctx context.Context, build int64) error {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM builds WHERE id=?`, build).Scan(&n); err != nil {
		return fmt.Errorf("runqueue state: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("runqueue state: no build %d", build)
	}
	return nil
}

// Tasks implements runqueue.Store.
func (s *Store) Tasks(ctx context.Context, build int64) ([]runqueue.TaskRecord, error) {
	if err := s.sync(ctx); err != nil {
		return nil, err
	}
	if err := s.checkBuild(ctx, build); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT seq, mc, file, pn, task, hash, status, started, ended, exit_code, log_path, error
		FROM tasks WHERE build=? ORDER BY seq`, build)
	if err != nil {
		return nil, fmt.Errorf("runqueue state: build %d tasks: %w", build, err)
	}
	defer rows.Close()
	var out []runqueue.TaskRecord
	for rows.Next() {
		var t runqueue.TaskRecord
		var status string
		var started, ended sql.NullInt64
		if err := rows.Scan(&t.Seq, &t.ID.MC, &t.ID.File, &t.PN, &t.ID.Task, &t.Hash, &status, &started, &ended, &t.ExitCode, &t.LogPath, &t.Error); err != nil {
			return nil, fmt.Errorf("runqueue state: build %d tasks: %w", build, err)
		}
		t.Status, t.Started, t.Ended = runqueue.TaskStatus(status), fromNano(started), fromNano(ended)
		out = append(out, t)
	}
	return out, rows.Err()
}

// Edges implements runqueue.Store.
func (s *Store) Edges(ctx context.Context, build int64) ([]runqueue.Edge, error) {
	if err := s.sync(ctx); err != nil {
		return nil, err
	}
	if err := s.checkBuild(ctx, build); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT task, dep FROM edges WHERE build=? ORDER BY task, dep`, build)
	if err != nil {
		return nil, fmt.Errorf("runqueue state: build %d edges: %w", build, err)
	}
	defer rows.Close()
	var out []runqueue.Edge
	for rows.Next() {
		var e runqueue.Edge
		if err := rows.Scan(&e.Task, &e.Dep); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Prune implements runqueue.Store.
func (s *Store) Prune(ctx context.Context, keep int) (int, error) {
	if err := s.sync(ctx); err != nil {
		return 0, err
	}
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		const old = `SELECT id FROM builds ORDER BY id DESC LIMIT -1 OFFSET ?`
		for _, table := range []string{"edges", "tasks"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE build IN (`+old+`)`, keep); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM builds WHERE id IN (`+old+`)`, keep)
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("runqueue state: pruning: %w", err)
	}
	return int(n), nil
}

// Close commits queued updates and closes the database.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.mu.Unlock()
	close(s.stop)
	<-s.done
	err := s.flush(context.Background())
	s.mu.Lock()
	s.closed = true
	if err == nil {
		err = s.err
	}
	s.mu.Unlock()
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("runqueue state: closing: %w", err)
	}
	return nil
}
