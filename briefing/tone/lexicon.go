package tone

import "strings"

// cueKind tells how a cue behaves in its sentence.
type cueKind uint8

const (
	// deed: a verb of an act, material when it happened ("imposed",
	// "bought", "attacked"), verbal when it is only intended or possible.
	deed cueKind = iota
	// speech: a verb or adjective of saying something to or about the
	// other ("accused", "welcomed", "disappointed"); always verbal, and it
	// governs the deeds it speaks of.
	speech
	// measure: a noun of a measure or an act ("sanctions", "tariffs",
	// "aid", "attack"), whose class depends on the verb that governs it.
	measure
	// state: a noun of a relation or a topic ("talks", "dispute", "war",
	// "agreement"), read as it stands.
	state
)

// cue is one lexicon entry: a sequence of word slots, each a set of base
// forms ("impose|slap"), with at most gap other words between slots, the
// class it signals when read plainly, and how it behaves.
type cue struct {
	slots [][]string
	gap   int
	class Class
	kind  cueKind
	// mutual: the cue joins the parties it names as a pair even when they
	// are listed together ("Britain and Japan held talks").
	mutual bool
	// yieldable: a measure that lifting or easing turns into cooperation.
	yieldable bool
	text      string
}

// The word sets the lexicon is written with.
const (
	measureNouns   = "sanction|tariff|duty|embargo|quota|ban|curb|restriction|levy|surcharge|boycott|barrier|countervailing|reprisal|retaliation|penalty"
	agreementNouns = "agreement|accord|pact|treaty|deal|protocol|memorandum|contract|understanding|convention|package|arrangement"
	aidNouns       = "aid|loan|credit|grant|assistance|financing|guarantee|bonus|subsidy|funding|fund|relief"
	forceNouns     = "troop|force|warship|soldier|army|navy|fleet|destroyer|gunboat|jet|plane|warplane|aircraft|helicopter|missile|artillery|tank|unit|commando|guerrilla"
)

// lexicon is the cue list, read from the CAMEO event codes and their
// PLOVER successors (appeal, agree, consult, support, cooperate, aid,
// yield; investigate, demand, disapprove, reject, threaten; protest,
// force posture, reduce relations, coerce, assault, fight) and written
// for the words newswire uses.
var lexicon = compile([]cueSpec{
	// Verbal cooperation: meetings and talks (CAMEO consult).
	{"talks|negotiation|consultation|discussion|dialogue|summit|meeting|conference|round", VerbalCooperation, state, true},
	{"visit", VerbalCooperation, state, false},
	{"negotiate|consult|discuss|confer|meet|telephoned|phoned", VerbalCooperation, deed, true},
	{"visit", VerbalCooperation, deed, false},
	{"host >3 talks|meeting|summit|visit|delegation|conference|leader|minister|president", VerbalCooperation, deed, true},
	{"travel|trip|journey|fly|go|come|tour|mission >1 to", VerbalCooperation, deed, false},
	{"arrive|arrival|stay >1 in", VerbalCooperation, deed, false},
	{"return >1 from", VerbalCooperation, deed, false},
	{"meet|satisfy|accept|comply|heed|accommodate >3 demand|demands|condition|requirement|request|concern|complaint", MaterialCooperation, deed, false},
	{"hold|held >2 talks|meeting|discussion|consultation", VerbalCooperation, deed, true},
	// Agreement reached, intent, offers, pledges (CAMEO express intent).
	{"agree|reach|strike|conclude|initial|finalise|finalize|clinch|hammer >3 " + agreementNouns, VerbalCooperation, deed, true},
	{"agree|accept", VerbalCooperation, deed, true},
	{"agreement|accord|pact|treaty|deal|protocol|memorandum|understanding|convention|arrangement", VerbalCooperation, state, true},
	{"breakthrough|progress|rapprochement|reconciliation|détente|detente|normalisation|normalization", VerbalCooperation, state, true},
	{"offer|propose|pledge|promise|commit|undertake|vow >3 help|aid|support|cooperate|cooperation|assist", VerbalCooperation, speech, false},
	{"offer|pledge|promise|commitment|proposal|invitation|willingness|readiness|goodwill", VerbalCooperation, state, false},
	{"offer|pledge|promise|invite|propose", VerbalCooperation, deed, false},
	// Support, praise, approval (CAMEO engage in diplomatic cooperation).
	{"welcome|praise|hail|laud|applaud|commend|congratulate|thank|endorse|backed|backs|backing|supported|supports|supporting|favour|favor|favoured|favored|favours|favors|defend|understands|understood|appreciate|salute|recognise|recognize|apologise|apologize|forgive|reassure", VerbalCooperation, speech, false},
	{"express|voice|pledge|give|win|seek|offer|lend|declare|show|reaffirm >3 support|backing|solidarity|sympathy|understanding|willingness|readiness|interest", VerbalCooperation, speech, false},
	{"praise|approval|endorsement|sympathy|solidarity|friendship|alliance|ally|partnership|cooperation|collaboration|reassurance", VerbalCooperation, state, true},
	{"co >1 operation|operate", VerbalCooperation, state, true},
	{"improve|strengthen|deepen|expand|boost|develop|promote|normalise|normalize|restore|establish|resume >3 relations|ties|relationship|cooperation|contact|links", VerbalCooperation, deed, true},
	{"calm|calmer|better|improved|improving|warmer|close|closer|good|friendly|cordial|excellent|strong|special|historic|traditional >2 relations|ties|relationship|links|alliance|partnership|friendship", VerbalCooperation, state, true},
	{"cooperate|collaborate|coordinate|work >2 together|closely|jointly", VerbalCooperation, deed, true},
	{"optimistic|hopeful|satisfied|pleased|happy|constructive|cordial|friendly|fruitful|warm", VerbalCooperation, speech, false},
	{"ask|request|appeal|urge|call|invite >4 join|cooperate|help|aid|support|participate|assist|cooperation", VerbalCooperation, speech, true},
	{"suggest|propose|recommend|advise|invite|encourage >6 join|joining|enter|accept|cooperate|participate", VerbalCooperation, speech, false},
	{"to|will|would|should|must|fully|strongly >1 support|back|endorse", VerbalCooperation, speech, false},
	{"no >1 objection|objections", VerbalCooperation, speech, false},
	{"close|closer|similar|identical|common|shared >2 views|view|positions|position|stance|interests|goals", VerbalCooperation, state, true},
	{"finish|finalise|finalize|iron|work >3 details|terms", VerbalCooperation, deed, true},
	{"talk|talking|talked >1 to|with", VerbalCooperation, deed, true},

	{"settle|resolve|solve|mediate|reconcile", VerbalCooperation, deed, true},

	// Material cooperation: agreements signed, aid, trade done (CAMEO
	// cooperate economically, provide aid, sign formal agreement).
	{"sign|ratify|seal|implement|renew|extend >4 " + agreementNouns, MaterialCooperation, deed, true},
	{"sign|ratify|seal", MaterialCooperation, deed, true},
	{"under >3 " + agreementNouns, MaterialCooperation, state, true},
	{agreementNouns + " >3 signed|sealed|ratified|initialled|concluded", MaterialCooperation, deed, true},
	{aidNouns + " >3 granted|extended|provided|approved|given|disbursed|allocated|awarded", MaterialCooperation, deed, false},
	{"grant|lend|donate|give|provide|extend|disburse|allocate|reallocate|transfer|award|approve|channel >5 " + aidNouns, MaterialCooperation, deed, false},
	{"lend|donate|finance|fund|reschedule|refinance", MaterialCooperation, deed, false},
	{aidNouns, MaterialCooperation, measure, false},
	{"buy|purchase|import|charter|lease|obtain", MaterialCooperation, deed, false},
	{"sell|export|ship|deliver|supply|barter", MaterialCooperation, deed, false},
	{"purchase|sale|shipment|delivery|supplies|cargo|consignment", MaterialCooperation, measure, false},
	{"win|secure|award|land|get|obtain|place|receive >6 contract|order|tender|deal", MaterialCooperation, deed, false},
	{"have|has|had >3 agreement|accord|deal|pact|treaty|contract|arrangement", MaterialCooperation, state, true},
	{"accept >4 bid|offer|tender", MaterialCooperation, deed, false},
	{"joint >2 venture|exercise|manoeuvre|maneuver|operation|patrol|project|production|company|development|research|plant|bid", MaterialCooperation, state, true},
	{"escort|protect|reflag|shelter", MaterialCooperation, deed, false},
	{"invest", MaterialCooperation, deed, false},
	// Yielding (CAMEO yield): measures lifted, people released.
	{"lift|ease|relax|end|remove|scrap|drop|waive|abolish|eliminate|cut|reduce|lower|suspend|rescind|withdraw|revoke|phase|dismantle|loosen|remit >4 " + measureNouns + "|pressure|burden", MaterialCooperation, deed, false},
	{"tender >6 for", MaterialCooperation, deed, false},
	{"release|free|repatriate|pardon", MaterialCooperation, deed, false},
	{"open >3 market|markets|border|door|embassy|consulate|office", MaterialCooperation, deed, false},
	{"withdraw|pull >3 troop|force|soldier|fleet|out", MaterialCooperation, deed, false},
	{"ceasefire|truce|armistice|withdrawal", MaterialCooperation, state, true},

	// Verbal conflict: disapproval, accusation, complaint (CAMEO
	// disapprove), rejection, demands, threats, investigations.
	{"criticise|criticize|condemn|denounce|deplore|accuse|blame|rebuke|chide|censure|castigate|berate|fault|allege", VerbalConflict, speech, false},
	{"attack|assail|blast|slam|hit >3 plan|policy|proposal|idea|decision|move|measure|tax|law|bill|ruling|remark|statement|stance|practice|rule|programme|program|exemption|reform|legislation|ruling", VerbalConflict, speech, false},
	{"complain|protest|object|grumble|lament|regret|deny|challenge", VerbalConflict, speech, false},
	{"criticism|condemnation|accusation|allegation|complaint|protest|objection|grievance|rebuke|disapproval|outrage|anger|fury|indignation|displeasure|concern|irritant|irritation", VerbalConflict, state, false},
	{"disappointed|angry|angered|unhappy|dissatisfied|furious|outraged|annoyed|irritated|dismayed|unacceptable|unfair|discriminatory|illegal|provocative|hostile|aggressive|protectionist|protectionism|unjustified|regrettable", VerbalConflict, speech, false},
	{"concerned|worried|alarmed|upset|uneasy", VerbalConflict, state, false},
	{"reject|refuse|rebuff|spurn|veto|oppose|resist|dismiss|thwart|obstruct", VerbalConflict, speech, false},
	{"decline >2 invitation|offer|request|proposal", VerbalConflict, speech, false},
	{"talks|negotiation|negotiations|meeting|summit >5 fail|failed|collapse|collapsed|broke|stall|stalled|deadlock|deadlocked", VerbalConflict, state, true},
	{"fail >3 agree|agreement|accord|deal|settle|compromise", VerbalConflict, state, true},
	{"no >2 agreement|accord|deal|progress|compromise", VerbalConflict, state, true},
	{"block|blocking|blocked >4 acquisition|purchase|takeover|bid|sale|deal|merger|membership|entry|access|application|adoption", VerbalConflict, speech, false},
	{"rejection|refusal|veto|opposition|resistance|impasse|deadlock|stalemate|standoff|stand-off", VerbalConflict, state, true},
	{"demanded|demanding|insist|pressing|pressed|presses|urge|require", VerbalConflict, speech, false},
	{"demands|pressure|ultimatum", VerbalConflict, state, false},
	{"threaten|warn|vow|menace", VerbalConflict, speech, false},
	{"summon|summoned|summons >4 ambassador|envoy|diplomat|charge", VerbalConflict, speech, false},
	{"tell|told|tells >4 to", VerbalConflict, speech, false},
	{"would|will >1 fight", VerbalConflict, speech, false},
	{"threat|warning|ultimatum", VerbalConflict, state, false},
	{"retaliate|retaliation|reprisal|revenge|vengeance|deter|deterrent|deterrence|brink", VerbalConflict, speech, false},
	{"respond|react|answer >3 decisively|firmly|strongly|force|forcefully", VerbalConflict, speech, false},
	{"armed|military >1 encounter|confrontation|showdown", VerbalConflict, state, true},
	{"problem|difficulty|difference|disagreement|quarrel >1 with|between|over", VerbalConflict, state, true},
	{"investigate|probe|inquire|monitor|sue|prosecute|indict", VerbalConflict, speech, false},
	{"investigation|probe|inquiry|lawsuit", VerbalConflict, state, false},
	{"dispute|row|conflict|friction|tension|quarrel|feud|spat|clash|confrontation|rivalry|hostility|crisis|strain|standoff", VerbalConflict, state, true},
	{"trade|price|currency|tariff|subsidy|chip|diplomatic >1 war", VerbalConflict, state, true},
	{"war >1 of >1 words", VerbalConflict, state, true},
	{"dumping|violation|infringement|breach|interference|aggression|expansionism|piracy|espionage|spying", VerbalConflict, state, false},
	{"violate|breach|infringe|dump|undercut|interfere|spy", VerbalConflict, speech, false},
	{"strain|sour|worsen|deteriorate|damage|undermine|harm|jeopardise|jeopardize|hurt", VerbalConflict, deed, true},

	// Material conflict: measures imposed, relations cut, coercion,
	// force (CAMEO reduce relations, coerce, assault, fight).
	{"impose|slap|levy|introduce|enforce|apply|proclaim|adopt|decree|order|announce >5 sanction|tariff|duty|embargo|quota|ban|curb|restriction|levy|surcharge|boycott|barrier|countervailing|reprisal|retaliation|penalty", MaterialConflict, deed, false},
	{"raise|increase|tighten|maintain|keep|extend|put >5 sanction|tariff|duty|embargo|ban|curb|restriction|levy|surcharge|boycott|barrier|penalty", MaterialConflict, deed, false},
	{measureNouns, MaterialConflict, measure, false},
	{measureNouns + " >3 imposed|levied|introduced|slapped|announced|placed|proclaimed|enforced|ordered", MaterialConflict, deed, false},
	{"ban|bar|embargo|blacklist|boycott", MaterialConflict, deed, false},
	{"restrict|curb|halt|stop|freeze|block|limit|suspend|cut|reduce|shut|turn >4 import|export|trade|shipment|sale|purchase|investment|access|entry|flight|supply|supplies|delivery|gas|oil", MaterialConflict, deed, false},
	{"suspend|halt|freeze|cancel|cut|break|sever|terminate|end|downgrade >4 talks|relations|ties|aid|credit|loan|flight|trade|import|export|shipment|supply|supplies|cooperation|negotiation|contact", MaterialConflict, deed, false},
	{"expel|deport|recall|withdraw|oust|evict >4 diplomat|ambassador|envoy|attache|embassy|national|staff|official|journalist|correspondent", MaterialConflict, deed, false},
	{"expel|deport|expulsion|deportation", MaterialConflict, deed, false},
	{"close|shut|seal >3 border|embassy|consulate|airspace|port|frontier", MaterialConflict, deed, false},
	{"seize|confiscate|impound|detain|arrest|capture|kidnap|abduct|hijack|jail|imprison|intercept|nationalise|nationalize|expropriate", MaterialConflict, deed, false},
	{"hold >2 hostage|captive|prisoner", MaterialConflict, deed, false},
	{"seizure|confiscation|detention|arrest|kidnapping|abduction|hijacking|hostage|blockade|occupation|expropriation|nationalisation|nationalization|moratorium", MaterialConflict, measure, false},
	{"attack|raid|bomb|shell|bombard|shoot|invade|occupy|overrun|storm|destroy|sink|kill|wound|ambush|repel|repulse|rout|crush|torpedo|infiltrate|shoot", MaterialConflict, deed, false},
	{"hit|strike|fire|board >4 ship|tanker|vessel|target|platform|rig|position|village|town|city|base|camp|installation|site|field|convoy|outpost|airstrip|airfield|port|territory|troop|force|missile|shell|rocket|on|at", MaterialConflict, deed, false},
	{"attack|raid|airstrike|bombing|bombardment|shelling|invasion|incursion|offensive|assault|battle|fighting|combat|hostility|war|warfare|skirmish|casualty|killing|shooting|counterattack", MaterialConflict, measure, true},
	{"armed|border|military|fierce|heavy|fresh|bloody >1 clash", MaterialConflict, measure, true},
	{"fight|fought|battle|clash|skirmish >2 off|with|against|back", MaterialConflict, deed, true},
	{"fought|pursue|pursuing|pursued|retreating|routed", MaterialConflict, deed, false},
	{"defeat|defeats|losses|suffer >2 defeat|defeats|losses|casualties|setback", MaterialConflict, measure, true},
	{"mass|deploy|mobilise|mobilize|station|send|move|dispatch >4 " + forceNouns, MaterialConflict, deed, false},
})

// cueSpec is a lexicon entry as it is written: slots separated by spaces,
// alternatives by "|", and ">N" before a slot allowing N other words
// before it.
type cueSpec struct {
	pattern string
	class   Class
	kind    cueKind
	mutual  bool
}

func compile(specs []cueSpec) []cue {
	out := make([]cue, 0, len(specs))
	for _, s := range specs {
		c := cue{class: s.class, kind: s.kind, mutual: s.mutual, text: s.pattern}
		for _, f := range strings.Fields(s.pattern) {
			if f[0] == '>' {
				n := 0
				for _, d := range f[1:] {
					n = n*10 + int(d-'0')
				}
				c.gap = n
				continue
			}
			c.slots = append(c.slots, strings.Split(f, "|"))
		}
		if s.class == MaterialConflict && s.kind == measure || strings.Contains(s.pattern, "sanction") && s.class == MaterialConflict {
			c.yieldable = true
		}
		out = append(out, c)
	}
	return out
}
