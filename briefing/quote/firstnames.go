package quote

// Common given names, used as weak evidence that a capitalised pair is a
// person and as a gender cue when the text itself gives none. Names often
// given to both sexes are left out.

var maleNames = set(
	"aaron adam adrian ahmed alan albert alberto alejandro alex alexander alexei alfred ali allen",
	"alvin amir anders andre andrew andrés andy angelo anthony antonio antony arnold arthur barack",
	"barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brent brett",
	"brian bruce bryan carl carlos cesar charles charlie chris christian christopher chuck clarence",
	"claude clint cody colin corey craig curt curtis dale dan daniel danny darrell dave david dean",
	"dennis derek dick dmitry don donald doug douglas duncan dwight earl ed eddie edgar eduardo",
	"edward elijah elliot emmanuel enrico eric erik ernest eugene evan felipe fernando francesco",
	"francis francisco frank franklin fred frederick fumio gabriel gareth gary gavin gene geoffrey",
	"george gerald gerhard giorgio giovanni giuseppe glenn gordon graham greg gregory guy hank",
	"hans harold harry hassan hector helmut henry herbert herman howard hugh hugo ian ibrahim igor",
	"isaac ivan jack jacob jaime jake james jared jason javier jay jean-claude jeb jeff jeffrey",
	"jeremy jerome jerry jesse jim jimmy joe joel johann john johnny jon jonathan jorge jose josé",
	"joseph josh joshua juan julian justin karl keith ken kenneth kevin kirk kurt kyle",
	"lamar lance larry lawrence lee leo leon leonard lewis lloyd louis luca lucas",
	"luigi luis luke malcolm manuel marcel marco marcus mario mark martin marvin matt matteo",
	"matthew maurice max michael michel miguel mike mikhail mitch mitt mohammed muhammad nathan",
	"neil newt nicholas nick nigel noah norman oliver omar oscar otto owen pablo patrick paul pedro",
	"pete peter phil philip pierre rafael ralph ramon rand randy raul ray raymond reince reggie",
	"rex ricardo richard rick ricky rob robby robert roberto rod rodrigo roger roland ron ronald",
	"roy rudy rudolph russell ryan ryo sam samuel sean sebastian sergei sergio seth shawn sheldon",
	"shinzo silvio simon stanley stefan stephen steve steven stuart ted terry thomas tim timothy",
	"toby todd tom tommy tony travis trey troy tyler victor vincent vladimir walter warren wayne",
	"wesley will william willie xi yasuo yoshihide yuri zachary ahmad mahmoud recep emmanuel",
	"narendra justin olaf rishi keir volodymyr viktor benjamin naftali yair antony lloyd jens",
	"fumihiro kenji hiroshi takeshi akira taro ichiro koji satoshi hirohito",
)

var femaleNames = set(
	"abigail ada adriana agnes alexandra alice alicia alison allison amanda amber amy ana andrea",
	"angela angelina anita ann anna anne annie antonia april barbara beatrice becky betsy betty",
	"beverly bonnie brenda bridget brittany camila carla carly carmen carol caroline carolyn",
	"catherine cathy cecilia charlotte cheryl chloe christina christine cindy claire clara",
	"claudia connie cynthia daisy dana danielle deborah debbie debra denise diana diane",
	"donna doris dorothy edith eileen elaine eleanor elena elisabeth elise eliza elizabeth ella",
	"ellen emily emma erica erin esther eva evelyn fiona florence frances gabriela gail georgia",
	"giorgia gina gloria grace gretchen hannah harriet heather heidi helen hillary holly huma",
	"ingrid irene isabel isabella ivanka jacqueline jane janet janice jean jeanne jennifer jenny",
	"jessica jill joan joanna joanne jodi josephine joy joyce judith judy julia julie juliet june",
	"karen katherine kathleen kathryn kathy katie kay kayleigh kellyanne kirsten kristen laura",
	"lauren laurie leah linda lisa liz lois loretta lori louise lucia lucy lydia lynn madeleine",
	"maggie mandy marcia margaret maria marianne marie marilyn marina marine marion marjorie",
	"martha mary megan megyn melania melanie melissa michele michelle mildred millie miriam",
	"molly monica nadia nancy naomi natalie natasha nicola nicole nikki nina nora olga olivia",
	"pam pamela patricia patty paula pauline peggy penny phyllis rachel rebecca regina renee",
	"rita roberta rosa rosalind rose ruth sabrina sally samantha sandra sara sarah sharon sheila",
	"shirley silvia sofia sonia sonya sophia sophie stella stephanie susan susana susanne suzanne",
	"sylvia tamara tammy tanya teresa theresa tina tracy ursula valerie vanessa vera veronica",
	"victoria virginia wanda wendy yvonne yuriko yoko keiko akiko sanae hiroko angela ursula",
	"kamala nancy marine christine jacinda theresa liz giorgia annalena mette sanna kaja roberta",
	"elise pamela andrea",
)

// givenNameGender returns the gender a given name suggests, if any.
func givenNameGender(w string) (gender, bool) {
	if has(maleNames, w) {
		return male, true
	}
	if has(femaleNames, w) {
		return female, true
	}
	return unknownGender, false
}
