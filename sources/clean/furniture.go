package clean

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"attache/sources/doc"
)

// lazyRegexp compiles an expression on first use: the expressions here are
// large, and a program that links this package without cleaning text
// (attache --help) should not pay for them at start.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// key reduces a short block to lower-case words joined by single spaces, for
// comparing with the fixed phrases below.
func key(s string) string { return strings.Join(words(s), " ") }

// fixedFurniture are whole blocks that are never article text, as keys.
var fixedFurniture = setOf(
	// advertisement markers
	"advertisement", "advertisements", "advert", "ad", "ads", "sponsored", "sponsored content",
	"paid content", "promoted", "promoted content", "story continues below advertisement",
	"article continues below advertisement", "article continues below",
	"story continues below", "continue reading below", "continue reading",
	"continue reading the main story", "scroll to continue with content",
	"content continues below", "iklan", "anzeige", "werbung", "publicité", "publicite",
	"publicidad", "pubblicità", "reklama", "реклама", "広告", "광고", "广告",
	// navigation left in the text
	"exit mobile version", "skip to content", "skip to main content", "back to top",
	"jump to comments", "print this page", "print", "email", "e mail", "share", "share this",
	"share this article", "share this story", "share on facebook", "share on twitter",
	"share via email", "click to tweet", "tweet", "pin it", "like this", "loading",
	"loading comments", "view comments", "show comments", "hide comments", "comments",
	"comment", "post comment", "post a comment", "add comment", "add a comment",
	"leave a comment", "leave a reply", "comments are closed", "comments comments",
	"join the conversation", "discussion", "reply", "cancel reply", "tell us what you think",
	"what do you think", "by", "breaking news", "sign in", "log in", "login", "register", "subscribe", "subscribe now",
	"related", "see also", "more", "read more", "read next", "next article",
	"previous article", "next post", "previous post", "expand", "close", "menu",
	"image", "photo", "video", "watch", "listen", "play video", "watch video",
	"enlarge this image", "toggle caption", "hide caption", "show caption",
	"this slideshow requires javascript",
	"this video is not available", "please enable javascript",
	"you need to enable javascript to run this app", "getty images", "getty",
	"shutterstock", "istock", "afp", "ap", "reuters", "file photo", "file",
)

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// socialWords are the words of share bars ("Share Tweet Pin Email").
var socialWords = setOf(
	"share", "shares", "shared", "sharing", "tweet", "tweets", "facebook", "twitter", "x",
	"whatsapp", "linkedin", "pinterest", "pin", "reddit", "email", "e", "mail",
	"print", "copy", "link", "messenger", "telegram", "tumblr", "flipboard", "google",
	"sms", "save", "comment", "comments", "on", "this", "article", "story", "via",
	"instagram", "youtube", "vk", "line", "viber", "weibo", "wechat", "pocket",
	"compartir", "partager", "teilen", "condividi", "compartilhar",
)

var (
	// counters: "0", "12", "1.2K", "0 Comments", "Comments (3)", "5 shares"
	counterRE = lazyRegexp(`(?i)^\(?\s*[\d.,]+\s*[km]?\s*\)?\s*(comments?|shares?|likes?|views?|reactions?|responses?|replies|votes?|reads?)?\s*$|^(comments?|shares?|likes?|views?|replies)\s*[(:]?\s*[\d.,]+[km]?\s*\)?$`)
	// copyright lines
	copyrightRE = lazyRegexp(`(?i)^\s*(copyright\s*(©|\(c\)|\d{4}|by\b|$)|©|\(c\)\s*\d{4}|all rights reserved)|all rights reserved\.?\s*$|©|\bcopyright\s+(©\s*)?\d{4}|todos los derechos reservados|alle rechte vorbehalten|tous droits réservés|tutti i diritti riservati|wszelkie prawa zastrzeżone|materiał chroniony prawem autorskim|무단\s*전재|무단전재|版权所有|無断転載|禁止转载`)
	// cookie prompts
	cookieRE = lazyRegexp(`(?i)\b(this|our) (site|website|web site) uses cookies|\bwe use cookies\b|\buses cookies to\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences|notice|consent)\b|\bconsent to (the use of )?cookies\b|\b(by )?(continuing|continue) to (use|browse) (this|our|the) (site|website)|\bwe'?ll assume you'?re ok with this\b`)
	// newsletter, subscription and app prompts, and the note of a comment
	// form (the blog engine's own wording, in its translations)
	promptRE = lazyRegexp(`(?i)\bcontains? affiliate\b|\baffiliate (and/or )?(referral )?links?\b|\b(sign up|signup|signing up|subscribe|subscribing|register|registering) (now |today |here )?(for|to)\b.{0,100}\b(newsletters?|inbox|e-?mails?|alerts|updates|channel|podcast|magazine|edition|digest|briefing)\b|\bnewsletters?\b.{0,80}\b(sign up|subscribe|inbox|delivered)\b|\bdelivered (straight |directly |right )?to your inbox\b|\benter your e-?mail( address)?\b|^(get|download) (the|our) .{0,40}\bapp\b|^(download|get|install)\b.{0,80}\bapps?\b|\b(download|install|descarga|descargue|baixe|téléchargez|scarica)\b.{0,80}\bapps?\b.{0,40}\b(ios|android|app store|google play)\b|\bto your (phone|smartphone|mobile)\b.{0,40}\bapp\b|\bclick(ing)? here\b|\bfollow (us|[\p{L}.'’&-]+( [\p{L}.'’&-]+){0,3}) on (twitter|facebook|instagram|youtube|linkedin|tiktok|threads|bluesky|x)\b|\byour e-?mail address will not be published\b|\b(deine|ihre) e-mail-adresse wird nicht veröffentlicht\b|\bvotre adresse (e-?mail|de messagerie) ne sera pas publiée\b|\btu dirección de correo electrónico no será publicada\b|\bil tuo indirizzo email non sarà pubblicato\b|\bo seu endereço de e-?mail não será publicado\b`)
	// list markers: Read more / Related / Recommended, in English and in
	// the standard wording of the other languages of the corpus
	listMarkerRE = lazyRegexp(`(?i)^(related( (articles?|stories|posts?|content|coverage|news|links|reading|topics))?|read more|read next|more (stories|news|articles|on this( story| topic)?|from [\p{L} .'&-]{1,40})|recommended( (for you|stories|articles|reading))?|you (may|might) (also )?(like|enjoy|be interested in)|also read|see also|most (read|popular|viewed|shared)|popular( (this week|now|stories|posts))?|trending( (now|stories|news))?|top stories|latest (news|stories|articles)|recent (articles|posts|stories)|don'?t miss|editor'?s picks?|what to read next|further reading|in other news|around the web|from the web|sponsored (links|stories)|promoted stories|more to explore|keep reading|up next|watch next|(you may have missed|related video|related videos)|siehe auch|voir aussi|vea también|ver también|lea también|mehr zum thema|weitere (artikel|beiträge|nachrichten|meldungen|themen)|mehr (themen|artikel|dazu)|auch interessant|das könnte (sie|dich) auch interessieren|lesen sie (auch|mehr)|zum weiterlesen|weiterlesen|ähnliche (artikel|beiträge)|verwandte (artikel|themen)|neueste (artikel|beiträge)|meistgelesen(e)?( artikel)?|(à )?lire aussi|à lire également|sur le même sujet|articles (similaires|liés)|(te|le) puede interesar|lee también|(noticias|artículos) relacionad[oa]s|más noticias|leggi anche|articoli correlati|potrebbe interessarti|leia também|veja também|notícias relacionadas|lees ook|gerelateerde artikelen|czytaj (też|także)|zobacz (też|także))\s*[:!.…]?$`)
	// inline list items: "Read more: headline", "RELATED: headline"
	inlineLinkRE = lazyRegexp(`(?i)^(read more|read also|also read|related\b[\p{L} '’-]{0,40}|see also|see more|more|more on this|don'?t miss|recommended|watch|must read|click here|also see|read next|further reading|also on [\p{L} .'-]{1,30}|more from [\p{L} .'-]{1,30}|lesen sie auch|mehr zum thema|auch interessant|(à )?lire aussi|lee también|leggi anche|leia também|veja também|lees ook|czytaj (też|także)|zobacz (też|także)|(te|le) puede interesar|siehe auch|voir aussi|vea también|ver también|lea también)(\s*[:：|»>]|\s+[-–—]\s)`)
	// captions and credits: a credit at the end of a short block
	// a parenthesised credit closing a block: "(AP Photo/Jane Doe, File)"
	parenCreditRE = lazyRegexp(`(?i)^\((?:ap|afp|reuters|getty|epa|photo|photos|file|credit|image)\b[^()"“”]{0,100}\)\.?$`)
	// an agency after a separator: "Jane Doe | Bloomberg | Getty Images"
	agencyRE = lazyRegexp(`^\s*(?:Getty Images|AFP|REUTERS|Reuters|EPA|Shutterstock|iStock|Alamy|Bloomberg|Xinhua|AP Photo|AP|dpa|NurPhoto|PA|PA Images|Sipa USA|Corbis|WireImage|FilmMagic)(?: via [\p{L} ]+)?\)?\.?$`)
	// "Jane Doe/Agency" or "REUTERS/Jane Doe" at the end
	slashCreditRE = lazyRegexp(`(?:(?:\p{Lu}[\p{L}.'’-]*\s){1,3}\p{Lu}[\p{L}.'’-]*|\b(?:REUTERS|Reuters|AFP|AP|EPA))\s?/\s?\p{Lu}[\p{L}.'’&-]*(?:\s(?:via\s)?[\p{Lu}&][\p{L}.'’&-]*)*(?:\s?/\s?\p{Lu}[\p{L}.'’&-]*(?:\s[\p{Lu}&][\p{L}.'’&-]*)*)?(?:,\s?(?:file|File|FILE))?\)?\.?$`)
	// caption openings
	captionStartRE = lazyRegexp(`(?i)^(image (copyright|caption|credit|source)|media caption|photo( credit)?\s*[:：]|photograph\s*[:：]|pictured\s*[:：]|credit\s*[:：]|caption\s*[:：]|image\s*[:：]|file photo\b|\(photo\b|photos?\s+by\s|photography\s+by\s|illustration\s+by\s|image\s+\d+\s+of\s+\d+|\d+\s*/\s*\d+\s*$|source\s*[:：]\s*(getty|ap|afp|reuters|shutterstock))`)
	// the label of a figure, a picture or the post's title image, in the
	// corpus's languages: "Abbildung 4:", "Figure 2:", "Titelbild:",
	// "Image illustrative :"
	figureLabelRE = lazyRegexp(`(?i)^(abbildung|abb\.|grafik|fig\.|figure|figura|illustration|bild|foto|titelbild|beitragsbild|titelfoto|symbolbild|image illustrative|photo d'illustration)\s*(\d+\s*)?[:：]`)
	// reporter credits of wire copy
	creditLineRE = lazyRegexp(`(?i)^\(?\s*((additional |with )?reporting by|writing by|editing by|compiled by|edited by|produced by|research by|additional research by)\b|\bcontributed (to )?(this )?(report|reporting|story|article)\b.{0,60}\.?\)?$|^\(?\s*(the )?associated press contributed\b`)
	// bylines: "By Jane Doe", "By Jane Doe and John Roe, Reuters"
	bylineRE = lazyRegexp(`^(?i:by|written by|posted by|words by|story by|von|par|por)[:\s]+\p{Lu}[\p{L}.'’-]*(?:[\s,]+(?:(?i:and)\s+)?\p{Lu}[\p{L}.'’-]*){0,6}(?:\s*[|,•·–—-]\s*.{0,60})?$`)
	// datelines: "Published 11:34 PM EST Nov 19, 2019", "Updated: 2 hours ago"
	datelineWordsRE = lazyRegexp(`(?i)\b(published|updated|posted|last updated|first published|modified|created|date|on|at|am|pm|a\.m|p\.m|gmt|utc|est|edt|cst|cdt|pst|pdt|bst|cet|cest|ist|jst|kst|amt|aest|et|pt|ago|hours?|hrs?|minutes?|mins?|days?|weeks?|months?|years?|yesterday|today|just now|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(s(day)?)?|wed(nesday)?|thu(r(s(day)?)?)?|fri(day)?|sat(urday)?|sun(day)?|de|del|le|el|am|um|às|em|\d+(st|nd|rd|th)?)\b`)
	dateSignalRE    = lazyRegexp(`(?i)\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}\b|\b\d+ (hours?|minutes?|days?) ago\b`)
	dateFirstRE     = lazyRegexp(`^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b`)
	stampRE         = lazyRegexp(`(?i)^(published|updated|posted|last updated|first published|last modified|veröffentlicht( am)?|publiziert( am)?|aktualisiert( am)?|erstellt am|publié( le)?|mis à jour( le)?|publicado( el)?|actualizado( el)?|pubblicato( il)?|aggiornato( il)?|atualizado( em)?)\s*(:|on\b|at\b|by\b|\d|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\w*\b|\d+ (hours?|minutes?|days?) ago)`)
	// footer lines that close a page
	footerRE = lazyRegexp(`(?i)^(tags?|tagged|topics?|categories|category|keywords|labels|source|sources|more about|related topics|share this)\s*[:：]|^(filed under|posted in|tagged with|about the author|about us|contact us|editor'?s note: this (story|article) (was|has been)|this (story|article) (was|has been) (updated|corrected))\b|^follow [\p{L} .'-]{1,40} on\b|^(this entry was posted|this (post|article) was posted (in|on)|dieser (eintrag|beitrag|artikel) wurde .{0,80}veröffentlicht|erstellt am .{0,80}abgelegt unter|cette entrée a été publiée|esta entrada fue publicada|questa voce è stata pubblicata)|\bbookmark the permalink\b|\blesezeichen (auf|für) den permalink\b`)
	// "Via Example Wire", "SOURCE: News agencies" when short
	shortFooterRE = lazyRegexp(`(?i)^(via|source|sources)\b`)
	// author notes: "Jane Doe is a reporter for Example News."
	bioRE = lazyRegexp(`^\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}\s(?:\([^()]{1,60}\)\s)?(?:is|was|has been)\s(?:a|an|the)\s.{0,120}\b(?:writer|reporter|editor|journalist|correspondent|columnist|contributor|author|producer|blogger|freelancer|photographer|analyst at|fellow at|professor at)\b`)
)

// isFurniture reports whether a block is site furniture wherever it stands.
// Cheap tests on the lower-cased text come before each regular expression,
// so that a page of long paragraphs costs little.
func isFurniture(text string) bool {
	if len(text) > 4000 {
		return false
	}
	n := countWords(text, 91)
	if n > 90 {
		return false // longer than any furniture
	}
	if n == 0 {
		// Only punctuation and symbols: separators, bullets, arrows.
		return true
	}
	if n <= 12 {
		ws := words(text)
		if fixedFurniture[strings.Join(ws, " ")] || n <= 10 && allSocial(ws) {
			return true
		}
	}
	if n <= 4 && counterRE().MatchString(text) || n <= 30 && isURL(text) {
		return true
	}
	lower := strings.ToLower(text)
	if n <= 40 && containsAny(lower, copyrightHints) && copyrightRE().MatchString(text) {
		return true
	}
	if n <= 80 && containsAny(lower, cookieHints) && cookieRE().MatchString(text) {
		return true
	}
	if n <= 50 && containsAny(lower, promptHints) && promptRE().MatchString(text) {
		return true
	}
	if n <= 30 && inlineLinkRE().MatchString(head(text, 60)) {
		return true
	}
	if n <= 90 && isCaption(text) {
		return true
	}
	if n <= 60 && containsAny(lower, creditHints) && creditLineRE().MatchString(text) {
		return true
	}
	if n <= 16 && isDateline(text) {
		return true
	}
	if n <= 30 && isCommentNote(lower) {
		return true
	}
	if n <= 60 && teaserEndRE().MatchString(tail(lower, 40)) {
		return true
	}
	if n <= 40 && containsAny(lower, socialNetworks) && socialRE().MatchString(lower) && callRE().MatchString(lower) &&
		personRE().MatchString(lower) {
		return true
	}
	return false
}

var (
	// a teaser for another page: an excerpt cut short ("…") and a link
	// to read on, or the "[…]" that blog engines close excerpts with
	teaserEndRE = lazyRegexp(`(…|\.\.\.)\s*(mehr|weiterlesen|read more|more|lire la suite|leer más|leggi tutto|ler mais)\W*$|\[(…|\.\.\.)\]\s*$`)
	// a prompt to follow the site on a social network or messaging
	// channel: the network, a call ("join", "folgt", "síguenos") and the
	// site or the reader in person ("us", "our", "your", "nuestro", "tu")
	socialRE = lazyRegexp(`\b(facebook|twitter|instagram|telegram|whatsapp|youtube|tiktok|linkedin|pinterest)\b`)
	callRE   = lazyRegexp(`\b(síguenos|siguenos|seguir|suscríbete|suscribirse|mira|folge|folgt|abonniere|abonnieren|join|follow|subscribe|rejoignez|suivez|abonnez|iscriviti|seguici|segue|siga|inscreva)\b`)
	personRE = lazyRegexp(`\b(us|our|your|you|uns|unser\w*|dein\w*|du|ihr|euch|nos|nuestro|nuestra|nuestros|tu|tus|nous|notre|vous|votre|ci|nostro|nostra|nosso|nossa|seu|sua)\b`)
)

// socialNetworks are the names that socialRE looks for, to test cheaply
// first.
var socialNetworks = []string{"facebook", "twitter", "instagram", "telegram", "whatsapp", "youtube", "tiktok", "linkedin", "pinterest"}

var (
	// the words of a comment form's notes: that one must be logged in to
	// comment, that comments are closed (a blog engine's own wording, in
	// its translations)
	loginRE          = lazyRegexp(`\b(must|need to|have to|müssen|musst|muss|debes|debe|devez|dois|devi|deve|moet)\b.{0,60}\b(logged in|signed in|eingeloggt|angemeldet|registriert|connecté|connectée|registrado|conectado|collegato|registrato|ingelogd|einloggen)\b`)
	commentsClosedRE = lazyRegexp(`\b(comments are closed|kommentare sind geschlossen|les commentaires sont fermés|los comentarios están cerrados|i commenti sono chiusi|comentários (estão )?encerrados|reacties zijn gesloten|komentarze są wyłączone)\b`)
)

// commentStems are the openings of the word "comment" in the corpus's
// languages ("Kommentar", "kommentieren", "commentaire", "comentario").
var commentStems = []string{"comment", "kommentar", "kommentier", "comentar", "commenta"}

// isCommentNote reports whether a short block (lower-cased) is a note of a
// comment form: that one must be logged in to comment, or that comments
// are closed.
func isCommentNote(lower string) bool {
	if !containsAny(lower, commentStems) {
		return false
	}
	return loginRE().MatchString(lower) || commentsClosedRE().MatchString(lower)
}

// Words that must appear for the matching expression to have a chance.
var (
	copyrightHints = []string{"copyright", "©", "(c)", "rights reserved", "derechos", "rechte", "droits", "diritti", "prawa", "prawem", "무단", "版权", "無断", "转载"}
	cookieHints    = []string{"cookie", "continu", "assume you"}
	promptHints    = []string{"sign", "subscri", "regist", "newsletter", "inbox", "mail", "app", "click", "follow", "affiliate", "adresse", "dirección", "indirizzo", "endereço"}
	creditHints    = []string{"reporting", " by", "contributed"}
)

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// head returns about the first n bytes of s, cut at a rune boundary.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// tail returns about the last n bytes of s, cut after a space when one is
// near, so that expressions anchored at the end read only the end.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	t := s[len(s)-n:]
	if i := strings.IndexByte(t, ' '); i >= 0 && i < n/2 {
		return t[i:]
	}
	for len(t) > 0 && !utf8.RuneStart(t[0]) {
		t = t[1:]
	}
	return t
}

// creditMarkers are the words before the colon of a credit ("Photo: ...").
var creditMarkers = setOf("photo", "photograph", "photos", "image", "images", "picture",
	"pictures", "pic", "credit", "credits", "foto", "fotos", "bild", "photo credit",
	"image credit", "image source", "photo courtesy", "courtesy", "photo by", "image by")

// isCaption reports whether a block reads as a photo caption or credit.
func isCaption(text string) bool {
	if captionStartRE().MatchString(head(text, 60)) || figureLabelRE().MatchString(head(text, 60)) {
		return true
	}
	end := strings.TrimSpace(tail(text, 160))
	return colonCredit(end) || parenCredit(end) || agencyCredit(end) ||
		strings.Contains(end, "/") && slashCreditRE().MatchString(end)
}

// colonCredit reports whether text ends with "Photo: Jane Doe" or the like:
// a credit marker, a colon, and a short name with no sentence in it.
func colonCredit(text string) bool {
	i := strings.LastIndexAny(text, ":：")
	if i < 0 {
		return false
	}
	after := strings.TrimSpace(text[i:])
	_, size := utf8.DecodeRuneInString(after)
	after = strings.TrimSpace(strings.TrimSuffix(after[size:], "."))
	if after == "" || len(after) > 100 || strings.ContainsAny(after, ".!?\"“”") {
		return false
	}
	before := words(text[:i])
	if len(before) == 0 {
		return false
	}
	last := before[len(before)-1]
	if creditMarkers[last] || strings.HasSuffix(last, "credit") && len(last) > len("credit") {
		return true
	}
	return len(before) >= 2 && creditMarkers[before[len(before)-2]+" "+last]
}

// parenCredit reports whether text ends with a parenthesised credit.
func parenCredit(text string) bool {
	t := strings.TrimSuffix(text, ".")
	if !strings.HasSuffix(t, ")") {
		return false
	}
	i := strings.LastIndexByte(t, '(')
	return i >= 0 && parenCreditRE().MatchString(t[i:])
}

// agencyCredit reports whether text ends with a photo agency after a
// separator, or with "Getty Images".
func agencyCredit(text string) bool {
	l := strings.ToLower(strings.TrimRight(text, ".) "))
	if strings.HasSuffix(l, "getty images") || strings.HasSuffix(l, "getty") && len(l) < 80 {
		return true
	}
	i := strings.LastIndexAny(text, "|/·•")
	if i < 0 {
		return false
	}
	_, size := utf8.DecodeRuneInString(text[i:])
	return agencyRE().MatchString(text[i+size:])
}

func allSocial(ws []string) bool {
	social := 0
	for _, w := range ws {
		if socialWords[w] {
			social++
		}
	}
	return social*4 >= len(ws)*3 && social >= 1
}

// isDateline reports whether a short block is only a date or a time stamp,
// maybe with "Published", "Updated" and a short name before it.
func isDateline(text string) bool {
	if stampRE().MatchString(text) {
		return true
	}
	if !dateSignalRE().MatchString(text) {
		return false
	}
	left := len(words(datelineWordsRE().ReplaceAllString(text, " ")))
	// "Associated Press | Published 11:34 PM EST Nov 19, 2019"
	// "02.02.2022 | Women's team": a date and the section it was filed in
	return left == 0 || left <= 5 && containsStamp(text) || left <= 2 && dateFirstRE().MatchString(text)
}

func containsStamp(text string) bool {
	l := strings.ToLower(text)
	for _, w := range []string{"published", "updated", "posted"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// isByline reports whether a block is a byline ("By Jane Doe").
func isByline(text string) bool {
	return len(text) <= 160 && bylineRE().MatchString(text)
}

// isListMarker reports whether a block introduces a list of other stories.
// topicMarkerRE matches the list markers that name their topic ("Mehr zu
// Klima und Konsum", "Lesen Sie auch die folgenden Beiträge:", "Audios et
// vidéos sur le sujet", "More on the election:").
var topicMarkerRE = lazyRegexp(`(?i)^(mehr (zum thema|zu diesem thema|zu)|lesen sie auch|schon gelesen|weitere (artikel|beiträge|informationen)|(artikel|videos?|audios?) und (videos?|audios?|artikel) zum thema|(audios|vidéos|articles) et (vidéos|audios|articles) sur le sujet|más sobre|more (on|about))\b[\p{L}\p{N} .:'’&-]{0,40}[:?!.…]?$`)

func isListMarker(text string) bool {
	if len(text) > 80 {
		return false
	}
	t := strings.TrimSpace(text)
	return listMarkerRE().MatchString(t) || topicMarkerRE().MatchString(t)
}

// isListItem reports whether a block following a list marker is one of its
// items: a headline, short and without the punctuation of a sentence.
func isListItem(b doc.Block) bool {
	ws := words(b.Text)
	if len(ws) == 0 || len(ws) > 20 {
		return false
	}
	return !endsSentence(b.Text) || b.Kind == doc.Heading
}

// endsSentence reports whether text ends like a sentence.
func endsSentence(text string) bool {
	text = strings.TrimRight(text, " \"'”’»)]")
	if text == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text)
	switch r {
	case '.', '!', '?', '。', '！', '？', '…', ':', ';':
		return true
	}
	return false
}

// isFooterLine reports whether a block is one that closes a page: tags,
// sources, credits, or furniture.
func isFooterLine(text string) bool {
	if isFurniture(text) {
		return true
	}
	ws := words(text)
	if len(ws) > 60 {
		return false
	}
	return footerRE().MatchString(text) || creditLineRE().MatchString(text) || isByline(text) ||
		len(ws) <= 6 && shortFooterRE().MatchString(text)
}

// isAuthorBio reports whether a block is a note about the author.
func isAuthorBio(text string) bool {
	return len(words(text)) <= 90 && bioRE().MatchString(text)
}

// isURL reports whether a block is only a web address.
func isURL(text string) bool {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, " \t") {
		return false
	}
	l := strings.ToLower(t)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.")
}

// countWords counts the words of s, stopping at limit, without
// allocating.
func countWords(s string, limit int) int {
	n := 0
	in := false
	for _, r := range s {
		if isWordRune(r) {
			if !in {
				n++
				if n >= limit {
					return n
				}
			}
			in = true
		} else {
			in = false
		}
	}
	return n
}
