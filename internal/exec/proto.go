package exec

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
)

// request is what a client (gobake or the sudo shim) sends the holder over its unix socket: a
// 4-byte length carrying the command's three standard streams as SCM_RIGHTS, then the JSON
// body. The holder answers with one JSON response when the command has ended. A client that
// closes the connection early gets its command killed.
type request struct {
	Argv           []string
	Dir            string
	Env            []string
	Rootfs         string `json:",omitempty"`
	Binds          []Bind `json:",omitempty"`
	NoSystemMounts bool   `json:",omitempty"`
	UID, GID       int
}

// maxRequest bounds a request body (argv and environment).
const maxRequest = 16 << 20

type response struct {
	Status syscall.WaitStatus // when the command ran
	Err    string             // when it could not be started
}

func sendRequest(c *net.UnixConn, req *request, stdio [3]*os.File) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	var hdr [4]byte
	binary.BigEndian.PutUint32(hdr[:], uint32(len(body)))
	rights := syscall.UnixRights(int(stdio[0].Fd()), int(stdio[1].Fd()), int(stdio[2].Fd()))
	if _, _, err := c.WriteMsgUnix(hdr[:], rights, nil); err != nil {
		return fmt.Errorf("sending request: %w", err)
	}
	if _, err := c.Write(body); err != nil {
		return fmt.Errorf("sending request: %w", err)
	}
	return nil
}

// recvRequest reads a request and the three files that came with it.
func recvRequest(c *net.UnixConn) (*request, [3]*os.File, error) {
	var files [3]*os.File
	var hdr [4]byte
	oob := make([]byte, syscall.CmsgSpace(3*4))
	n, oobn, _, _, err := c.ReadMsgUnix(hdr[:], oob)
	if err != nil {
		return nil, files, err
	}
	msgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	if err != nil {
		return nil, files, fmt.Errorf("parsing passed files: %w", err)
	}
	var fds []int
	for _, m := range msgs {
		more, err := syscall.ParseUnixRights(&m)
		if err != nil {
			return nil, files, fmt.Errorf("parsing passed files: %w", err)
		}
		fds = append(fds, more...)
	}
	closeAll := func() {
		for _, fd := range fds {
			syscall.Close(fd)
		}
	}
	if len(fds) != 3 {
		closeAll()
		return nil, files, fmt.Errorf("got %d files with the request, want 3", len(fds))
	}
	if n < len(hdr) {
		if _, err := io.ReadFull(c, hdr[n:]); err != nil {
			closeAll()
			return nil, files, err
		}
	}
	size := binary.BigEndian.Uint32(hdr[:])
	if size > maxRequest {
		closeAll()
		return nil, files, fmt.Errorf("request of %d bytes exceeds %d", size, maxRequest)
	}
	body := make([]byte, size)
	if _, err := io.ReadFull(c, body); err != nil {
		closeAll()
		return nil, files, fmt.Errorf("reading request: %w", err)
	}
	for i, fd := range fds {
		files[i] = os.NewFile(uintptr(fd), fmt.Sprintf("stdio%d", i))
	}
	req := new(request)
	if err := json.Unmarshal(body, req); err != nil {
		for _, f := range files {
			f.Close()
		}
		return nil, files, fmt.Errorf("decoding request: %w", err)
	}
	return req, files, nil
}
