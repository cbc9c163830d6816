package tone

import "fmt"

// Class is the tone of a sentence about a pair, in the four classes of
// GDELT's QuadClass plus neither.
type Class int

// The classes. Neither is the zero value: a sentence that names the pair
// without one acting on the other, or whose action is only hoped for,
// denied or negated.
const (
	Neither Class = iota
	VerbalCooperation
	MaterialCooperation
	VerbalConflict
	MaterialConflict
)

// Classes lists every class, Neither first.
var Classes = [...]Class{Neither, VerbalCooperation, MaterialCooperation, VerbalConflict, MaterialConflict}

var classNames = [...]string{"neither", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}

var classWords = [...]string{"neither", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"}

// String returns the class as the eval files spell it: "verbal_conflict".
func (c Class) String() string {
	if c < 0 || int(c) >= len(classNames) {
		return fmt.Sprintf("Class(%d)", int(c))
	}
	return classNames[c]
}

// Words returns the class as a reader reads it: "verbal conflict".
func (c Class) Words() string {
	if c < 0 || int(c) >= len(classWords) {
		return c.String()
	}
	return classWords[c]
}

// Cooperation reports whether the class is verbal or material cooperation.
func (c Class) Cooperation() bool { return c == VerbalCooperation || c == MaterialCooperation }

// Conflict reports whether the class is verbal or material conflict.
func (c Class) Conflict() bool { return c == VerbalConflict || c == MaterialConflict }

// Material reports whether the class is material cooperation or conflict.
func (c Class) Material() bool { return c == MaterialCooperation || c == MaterialConflict }

// ParseClass reads a class as String spells it.
func ParseClass(s string) (Class, error) {
	for i, n := range classNames {
		if n == s {
			return Class(i), nil
		}
	}
	return Neither, fmt.Errorf("tone: unknown class %q (want neither, verbal_cooperation, material_cooperation, verbal_conflict or material_conflict)", s)
}

// MarshalText writes the class as String spells it.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText reads a class as String spells it.
func (c *Class) UnmarshalText(b []byte) error {
	v, err := ParseClass(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
