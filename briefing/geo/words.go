package geo

// Word lists that the context rules read. They are constant tables.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// givenNames before "Jordan", "Chad" or "Paris" make a person's name even at
// the start of a sentence ("Michael Jordan scored").
var givenNames = set(
	"Michael", "Jim", "James", "John", "Robert", "Bob", "Eddie", "Barbara", "Vernon", "Katie", "Brian",
	"Chris", "Christopher", "Mike", "Dan", "Daniel", "David", "Tom", "Thomas", "Mark", "Paul", "Peter",
	"Steve", "Steven", "Stephen", "Richard", "Charles", "Joseph", "Kevin", "Jason", "Ryan", "Eric",
	"Scott", "Andrew", "Matt", "Matthew", "Jeff", "Gary", "Larry", "Frank", "George", "Mary", "Jennifer",
	"Sarah", "Emily", "Jessica", "Elizabeth", "Anna", "Anne", "Maria", "Lisa", "Laura", "Karen", "Susan",
	"Kathy", "Denzel", "Booker", "Kerry", "Harry", "Jack", "Joe", "Tony", "Bill", "William", "Henry",
	"Sam", "Samuel", "Ben", "Benjamin", "Alex", "Alexander", "Nick", "Nicholas", "Luke", "Adam", "Kyle",
	"Josh", "Joshua", "Justin", "Aaron", "Jordan", "Chad", "Paris", "Georgia", "Francesca", "Hunter",
	"Anwar", "Ahmed", "Ahmad", "Mohammed", "Mohamed", "Muhammad", "Ali", "Hassan", "Omar", "Fatima",
)

// countryPreceders are capitalised words that may stand before a country's
// name in mid-sentence without making it a person's name.
var countryPreceders = set(
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December", "In", "At", "To", "From", "And", "With", "Of", "For", "On", "By", "The",
	"Visit", "Visiting", "Neighbouring", "Neighboring", "Hashemite", "King", "Queen", "Kingdom", "Republic",
	"Northern", "Southern", "Eastern", "Western", "Central", "Landlocked", "Both", "While", "Including",
	"Like", "Unlike", "Than", "Across", "Via", "Toward", "Towards", "Against", "About", "After",
	"Before", "Between", "Into", "Over", "Under", "Near", "Official", "Officials", "Greater", "Downtown",
	// titles, before a leader's surname
	"President", "Minister", "Secretary", "Chancellor", "Premier", "Leader", "Mr", "Mrs", "Ms", "Dr",
	"General", "Gen", "Sheikh", "Prince", "Emperor", "Pope", "Ayatollah", "Foreign", "Prime", "Vice",
	"Chairman", "Chair", "Speaker", "Governor", "Sen", "Senator", "Rep", "Ambassador", "Envoy", "Commissioner",
	"Director", "Lady", "Lord", "Sir", "Dame", "Crown", "Comrade", "Emir", "Sultan", "Taoiseach", "State",
	"Affairs", "Defence", "Defense", "Counsellor", "Adviser", "Chief", "Former", "Outgoing", "Incoming",
	"Acting", "Interim", "Strongman", "Dictator", "Marshal", "Admiral", "Field",
)

// countryFollowers are capitalised words that may follow a country's name
// without making it part of a person's or a thing's name.
var countryFollowers = set(
	"President", "Prime", "Premier", "Foreign", "Minister", "Ministry", "King", "Queen", "Crown", "Prince",
	"Princess", "Government", "Army", "Armed", "Military", "Embassy", "Ambassador", "Parliament", "Defense",
	"Defence", "Police", "Air", "Navy", "Central", "D.C.", "DC", "Mayor", "Governor", "Chancellor",
	"Administration", "Cabinet", "Jr", "Sr",
)

// stateOf: "<word> of Georgia" is the US state.
var stateOf = set("state", "university", "district", "governor", "senator")

// georgiaCities: "<city>, Georgia" is the US state.
var georgiaCities = set(
	"Atlanta", "Savannah", "Augusta", "Athens", "Macon", "Columbus", "Rome", "Albany", "Marietta",
	"Alpharetta", "Valdosta", "Dalton", "Brunswick", "Decatur", "Roswell", "Smyrna", "Dunwoody", "Kennesaw",
	"Gainesville", "Lawrenceville", "Duluth", "Warner Robins", "Springs", "Peachtree", "Jonesboro",
)

// stateFollowers: "Georgia <word>" or "Georgia's <word>" is the US state.
var stateFollowers = set(
	"voters", "Republicans", "Democrats", "Republican", "Democratic", "Democrat", "governor", "Governor",
	"Gov", "legislature", "Legislature", "lawmakers", "legislators", "Senate", "senator", "senators",
	"Senator", "House", "General", "Tech", "State", "Bulldogs", "Power", "primary", "primaries", "runoff",
	"runoffs", "county", "counties", "County", "Secretary", "secretary", "Attorney", "attorney",
	"prosecutors", "prosecutor", "Bureau", "peach", "peaches", "sheriff", "GOP", "delegation", "congressman",
	"congresswoman", "Congressman", "Rep", "Sen", "Aquarium", "Dome", "Braves", "electors", "Medicaid",
	"poll", "polls", "ballots", "precincts",
)

// georgiaStateCues in a text make its plain "Georgia" the US state.
var georgiaStateCues = []string{
	"Atlanta", "Savannah", "Fulton County", "Peach State", "Gwinnett", "Cobb County", "DeKalb", "Marietta", "Macon", "Ga.", "Okefenokee",
	"Chattahoochee", "Braves", "Falcons",
}

// georgiaCountryCues in a text keep its "Georgia" the country.
var georgiaCountryCues = []string{
	"Tbilisi", "Batumi", "Kutaisi", "Abkhazia", "Ossetia", "Caucasus", "Georgian Dream", "Ivanishvili",
	"Saakashvili", "Kobakhidze", "Zourabichvili", "Kavelashvili", "Garibashvili", "Black Sea", "lari",
}

// birdCues (lower case) in a text make its "Turkey" the bird, unless the
// text names Turkey otherwise too.
var birdCues = []string{
	"thanksgiving", "turkeys", "roast", "roasted", "stuffing", "gravy", "poultry", "gobble", "drumstick",
	"drumsticks", "feathers", "carving", "butterball", "oven", "brine", "cranberry", "christmas dinner",
}

// pronounVerbs before "US" in an all-capitals headline make it the pronoun.
var pronounVerbs = set(
	"LET", "LETS", "TELL", "TELLS", "TOLD", "GIVE", "GIVES", "GAVE", "HELP", "HELPS", "JOIN", "JOINS",
	"SHOW", "SHOWS", "SEND", "SENDS", "ASK", "ASKS", "ASKED", "TRUST", "FOLLOW", "CALL", "EMAIL",
	"CONTACT", "BETWEEN", "AMONG", "BEFORE", "BEHIND", "AROUND",
)

var quantifiers = set("ALL", "NONE", "MANY", "SOME", "EACH", "BOTH", "MOST", "ANY", "FEW", "TWO", "THREE")

// usStates are the one-word US states (and Canadian provinces); usStateSecond the second words of
// the others, between spaces.
var usStates = set(
	"Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
	"Florida", "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
	"Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana",
	"Nebraska", "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Tennessee", "Texas", "Utah",
	"Vermont", "Virginia", "Washington", "Wisconsin", "Wyoming",
	// and Canadian provinces: "London, Ontario"
	"Ontario", "Quebec", "Alberta", "Manitoba", "Saskatchewan", "Nova",
)

var usStateSecond = map[string]string{
	"New":   " Hampshire Jersey Mexico York ",
	"North": " Carolina Dakota ",
	"South": " Carolina Dakota ",
	"West":  " Virginia ",
	"Rhode": " Island ",
}

// smallWords stay lower case in title-case headlines.
var smallWords = set(
	"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with", "by",
	"from", "as", "vs", "via", "into", "over", "s",
)
