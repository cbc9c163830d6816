package main

import "testing"

// TestJudgeShown checks the rules by which `eval quotes` judges a shown
// speaker and role against a hand label, on the shapes that the labels
// met: a clause, a weekday or a piece of a title joined to the name, a
// bare kind of body, a title or an article before the name, another
// spelling the article uses.
func TestJudgeShown(t *testing.T) {
	lawson := attributionLabel{Speaker: "Nigel Lawson", Roles: []string{"U.K. Chancellor of the Exchequer", "Chancellor of the Exchequer"}}
	cullen := attributionLabel{Speaker: "Martin Cullen", Roles: []string{"Irish Transport Minister"}}
	mines := attributionLabel{Speaker: "the States of Malaya Chamber of Mines", Roles: []string{""}}
	official := attributionLabel{Speaker: "an official", Roles: []string{""}}
	monteith := attributionLabel{Speaker: "Brian Monteith", SpeakerForms: []string{"Brian Monteith MSP"}, Roles: []string{"Tory finance spokesman"}}
	rennard := attributionLabel{Speaker: "Lord Rennard", Roles: []string{"Lib Dem chief executive"}}
	nobody := attributionLabel{Speaker: "", Roles: []string{""}}
	cases := []struct {
		speaker, role string
		l             attributionLabel
		speakerOK     bool
		roleOK        string
	}{
		{"Nigel Lawson", "Chancellor of the Exchequer", lawson, true, "right"},
		{"Mr Lawson", "", lawson, true, "wrong"},
		{"Exchequer Nigel Lawson", "", lawson, false, "wrong"},
		{"Chancellor of the Exchequer Nigel Lawson", "", lawson, true, "wrong"},
		{"Wednesday Irish Transport Minister Martin Cullen", "", cullen, false, "wrong"},
		{"Irish Transport Minister Martin Cullen", "", cullen, true, "wrong"},
		{"Martin Cullen of the government's plans", "Irish Transport Minister", cullen, false, "right"},
		{"Chamber", "", mines, false, "rightly-absent"},
		{"the Chamber of Mines", "", mines, true, "rightly-absent"},
		{"the States of Malaya Chamber of Mines", "", mines, true, "rightly-absent"},
		{"an official", "", official, true, "rightly-absent"},
		{"the statement", "", official, false, "rightly-absent"},
		{"Brian Monteith MSP", "The Tory finance spokesman", monteith, true, "right"},
		{"Rennard", "", rennard, true, "wrong"},
		{"Rennard", "", nobody, false, "rightly-absent"},
		{"Martin Cullen", "Minister", cullen, true, "wrong"},
	}
	for _, c := range cases {
		j := judgeShown(c.speaker, c.role, c.l)
		if j.SpeakerOK != c.speakerOK || j.RoleOK != c.roleOK {
			t.Errorf("judgeShown(%q, %q, %q) = speaker %v, role %s; want %v, %s", c.speaker, c.role, c.l.Speaker, j.SpeakerOK, j.RoleOK, c.speakerOK, c.roleOK)
		}
	}
}
