package bundle

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"testing"

	"github.com/kefu-hr/handbook/generator/golden"
	"github.com/kefu-hr/handbook/generator/load"
)

// TestShippedBundleDigest: the bundle of the shipped policies, as handbook
// build writes it for the site, has the size and SHA-256 recorded in
// testdata/shipped.golden. The bytes were the reflective encoder's when the
// codec was first generated (compared byte for byte then); a change of the
// golden is a change of the bundle, by the policies or by the encoding:
// go test ./generator/bundle -update rewrites it, for review.
func TestShippedBundleDigest(t *testing.T) {
	h, err := load.ShippedHandbook()
	if err != nil {
		t.Fatal(err)
	}
	data := Encode(h)
	sum := sha256.Sum256(data)
	got := "# The shipped policies' bundle (handbook build): a change here is a change\n" +
		"# of its bytes. go test ./generator/bundle -update rewrites this file.\n" +
		"policies " + strconv.Itoa(len(h.All())) + "\n" +
		"bytes " + strconv.Itoa(len(data)) + "\n" +
		"fingerprint 0x" + strconv.FormatUint(Fingerprint(), 16) + "\n" +
		"sha256 " + hex.EncodeToString(sum[:]) + "\n"
	golden.Check(t, "testdata/shipped.golden", got)
}
