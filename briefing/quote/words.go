package quote

import "strings"

// set builds a constant lookup table from space-separated words.
func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range words {
		for _, f := range strings.Fields(w) {
			m[f] = struct{}{}
		}
	}
	return m
}

func has(m map[string]struct{}, w string) bool {
	_, ok := m[w]
	return ok
}

// speechVerbs introduce what someone said; they attach to a direct quote
// before or after it ("said X", "X told reporters").
var speechVerbs = set(
	"say says said saying tell tells told telling add adds added adding",
	"write writes wrote writing tweet tweets tweeted tweeting post posts posted",
	"ask asks asked asking continue continues continued continuing explain explains explained",
	"note notes noted noting reply replies replied respond responds responded",
	"declare declares declared insist insists insisted state states stated",
	"conclude concludes concluded recall recalls recalled argue argues argued arguing",
	"acknowledge acknowledges acknowledged admit admits admitted warn warns warned warning",
	"claim claims claimed announce announces announced joke jokes joked joking quip quips quipped",
	"observe observes observed remark remarks remarked concede concedes conceded",
	"counter counters countered complain complains complained emphasize emphasized emphasised",
	"stress stresses stressed predict predicts predicted promise promises promised",
	"pledge pledges pledged vow vows vowed suggest suggests suggested urge urges urged",
	"shout shouts shouted yell yells yelled exclaim exclaimed boast boasts boasted",
	"muse mused offer offered read reads recount recounted reiterate reiterated",
	"repeat repeated testify testified assert asserted charge charged caution cautioned",
	"demand demanded proclaim proclaimed confirm confirmed share shared text texted",
	"email emailed scoff scoffed snap snapped retort retorted interject interjected",
	"lament lamented sigh sighed laugh laughed mutter muttered whisper whispered",
	"chant chanted sing sings sang remember remembered agree agreed disagree disagreed begin began wonder wondered",
	"posit posited opine opined gush gushed fume fumed rail railed rant ranted thunder thundered",
	"tout touted reflect reflected acknowledged cry cried explain recalls",
	"explaining insisting claiming stating declaring recalling responding replying",
	"acknowledging admitting joking promising suggesting urging predicting boasting",
	"complaining concluding continuing remarking observing countering quipping vowing",
	"pledging announcing asserting cautioning conceding demanding emphasizing stressing",
)

// frameVerbs take a quoted fragment inside reported speech
// (called the plan "a disaster") but do not introduce a whole quotation.
var frameVerbs = set(
	"call calls called calling describe describes described describing",
	"dub dubs dubbed label labels labeled labelled brand brands branded",
	"term termed deem deemed characterize characterized refer refers referred",
	"accuse accuses accused praise praised criticize criticized criticised slam slammed",
	"blast blasted dismiss dismissed deride derided mock mocked deny denied denies",
	"describe hail hailed promise vowed pledged agreed agree agrees",
	"believe believes believed think thinks thought feel feels felt hope hopes hoped",
	"want wants wanted see sees saw know knows knew",
)

// auxiliaries and adverbs stand between a speaker and the cue verb
// ("Smith also said", "she has said").
var cueFillers = set(
	"also later then has had have was were is would will once previously recently again",
	"further subsequently quickly simply flatly separately earlier today yesterday",
	"just already similarly frequently repeatedly often initially eventually finally",
	"publicly privately bluntly pointedly angrily candidly openly emphatically",
	"did does do had since famously memorably once", "not n’t n't", "here",
	"could should may might only even can must",
)

// pronouns that may stand for a speaker.
var pronouns = set("he she they it i we who which you")

// honorifics stand before a name and are not part of it.
var honorifics = map[string]gender{
	"mr": male, "mrs": female, "ms": female, "miss": female, "dr": unknownGender,
	"sir": male, "dame": female, "lord": male, "lady": female, "mme": female, "m": unknownGender,
	"messrs": unknownGender, "sheikh": male, "sheik": male,
}

// roleWords are titles and role nouns that may stand before a name
// ("Prime Minister", "spokeswoman") or head a description.
var roleWords = set(
	"president vice prime minister ministers secretary sen senator senators rep representative",
	"gov governor lt gen general adm admiral col colonel capt captain sgt sergeant cmdr commander",
	"maj major chief justice judge mayor speaker leader chairman chairwoman chair chairperson",
	"ambassador envoy spokesman spokeswoman spokesperson spokespeople director deputy counselor counsellor backbencher",
	"frontbencher stockbroker agronomist delegate coordinator organiser organizer ombudsman alderman supremo",
	"attorney congressman congresswoman councilman councilwoman councillor councilor",
	"king queen prince princess pope cardinal bishop rev reverend pastor father imam rabbi",
	"professor prof coach officer agent detective sheriff chancellor premier emperor",
	"president-elect candidate nominee frontrunner front-runner contender challenger rival",
	"adviser advisor aide strategist pollster manager official officials analyst host anchor",
	"correspondent reporter editor columnist commentator economist founder co-founder ceo",
	"executive head chief-of-staff treasurer whip lawmaker legislator senator-elect",
	"commissioner counsel prosecutor diplomat delegate consultant operative donor",
	"businessman businesswoman billionaire mogul tycoon activist organizer author writer",
	"historian professor scientist doctor surgeon neurosurgeon lawyer solicitor barrister actor actress star",
	"comedian singer rapper host blogger journalist governor-elect mayor-elect",
	"secretary-general director-general undersecretary chargé marshal vicar attache attaché",
	"commodore brigadier lieutenant corporal inspector superintendent dean provost rector",
	"mp mps mep meps msp msps mla mlas", // members of a parliament or assembly
	"accountant auditor administrator trustee engineer archbishop supt insp det specialist researcher",
)

// isRole reports whether a lower-case word is a title or role noun, also
// as the last part of a compound ("vice-chairman", "under-secretary").
func isRole(lw string) bool {
	if has(roleWords, lw) {
		return true
	}
	if i := strings.LastIndexAny(lw, "-‐"); i > 0 && i+1 < len(lw) {
		return has(roleWords, lw[i+1:])
	}
	return len(lw) > 7 && strings.HasSuffix(lw, "ologist") // "geologist", "epidemiologist": a science's practitioner
}

// roleModifiers qualify a role ("former", "Foreign", "presidential").
var roleModifiers = set(
	"former acting interim incoming outgoing retired late then current top senior junior shadow",
	"deputy vice assistant associate executive chief general principal national",
	"foreign defense defence finance interior economy trade justice health labor labour",
	"state press communications campaign policy security intelligence naval military",
	"presidential democratic republican gop conservative liberal progressive independent",
	"libertarian socialist labour tory green first second third prime grand supreme",
	"white house senate congressional majority minority party navy army air force staff",
	"homeland treasury commerce energy education agriculture transportation veterans affairs",
)

// nounish speech verbs double as nouns ("the email", "several states");
// they count as verbs only after a name, a pronoun or a filler.
var nounish = set(
	"email emails text texts post posts tweet tweets note notes state states charge charges",
	"offer offers counter counters read reads share shares claim claims promise promises",
	"pledge pledges vow vows warning remark remarks demand demands cry shout shouts",
	"laugh laughs sigh joke jokes quip quips answer answers reply replies repeat rail",
	"chant chants posit muse fume thunder begin wonder wonders argue urge",
)

// orgWords end or make up the names of organisations.
var orgWords = set(
	"committee campaign party department ministry agency administration association council",
	"commission institute foundation center centre group organization organisation union",
	"office bureau service times post news journal network court congress senate house",
	"inc corp company co pac fund society league coalition alliance navy army university",
	"college school bank board federation police government parliament cabinet",
	"press radio television tv agency newspaper daily treasury exchequer chamber",
	"democrats republicans conservatives liberals socialists club confederation",
	"authority authorities embassy consulate tribunal assembly directorate secretariat",
	"corporation institution observatory regulator watchdog",
)

// introWords start a clause before the subject ("In a statement, ...").
var introWords = set(
	"in on at during after before when while since as with without speaking asked",
	"later earlier meanwhile however still but and so yet then also instead though",
	"although because if for from by into to about over under last this",
	"amid amidst despite following given among like unlike asked responding according",
)

// clauseBreakers end a subject when walking back from a verb.
var clauseBreakers = set(
	"that because when while although though if since whether where which who whom",
	"and but or so yet nor as after before until unless",
)

// determiners start a descriptive noun phrase ("a White House spokesman").
var determiners = set("a an the this these those his her their its our my one another some many several two three both each")

// pluralSpeakers are descriptions that "they" can stand for.
var pluralWords = set(
	"officials aides advisers advisors spokesmen democrats republicans voters supporters",
	"critics leaders lawmakers senators members people protesters organizers activists",
	"authorities analysts experts sources staffers residents candidates",
)

// closedClass words are never names even when capitalised.
var closedClass = set(
	"the a an and but or nor so yet for of in on at to from by with about as into over under",
	"after before during since until while when where why how what which who whom whose that",
	"this these those there here then than it its he she they we i you his her their our my your",
	"him them us me is are was were be been being has have had do does did will would can could",
	"should may might must shall not no yes if because although though also just only even still",
	"however meanwhile indeed perhaps maybe instead rather moreover furthermore thus therefore",
	"monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow",
	"january february march april may june july august september october november december",
	"all any both each every few many most much none one other others several some such another",
	"like unlike despite amid among between against through throughout within without",
	"said says say told asked added according",
	"now later here today instead again already yes well too afterward afterwards first",
	"finally thus hence otherwise asked speaking according",
	"shortly recently currently initially eventually separately additionally similarly importantly",
	"notably ultimately previously subsequently apparently clearly obviously unfortunately fortunately",
	"interestingly ironically originally personally politically publicly privately specifically",
	"generally typically certainly surely likewise nevertheless nonetheless accordingly consequently",
	"nobody everybody somebody anybody everyone someone anyone nothing everything something",
)

// nameParticles are lower-case parts of names ("de", "van", "bin").
var nameParticles = set("de del della der den di da van von ter ten bin al la le du dos das ibn ben")

// gender is what pronouns a person takes.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
	plural // organisations and groups
)

// genderedWords give the gender of a role noun or description.
var genderedWords = map[string]gender{
	"spokeswoman": female, "congresswoman": female, "chairwoman": female, "businesswoman": female,
	"actress": female, "queen": female, "princess": female, "mother": female, "wife": female,
	"daughter": female, "sister": female, "woman": female, "girl": female, "lady": female,
	"grandmother": female, "councilwoman": female, "first-lady": female,
	"spokesman": male, "congressman": male, "chairman": male, "businessman": male,
	"king": male, "prince": male, "father": male, "husband": male, "son": male, "brother": male,
	"man": male, "boy": male, "grandfather": male, "councilman": male, "pope": male,
}
