import { type CodeLevel, labelPrefixes } from '../../lib/coding/hierarchy-types';
import type { RelationType } from '../../lib/coding/relations';

/**
 * The demo study's material: interview transcripts, a field note and a literature excerpt
 * about small cross-border e-commerce sellers, and the whole grounded-theory path through
 * them: open coding by two coders (concepts), axial coding (categories, main categories and
 * typed relations with memos and evidence) and selective coding (core categories and a
 * storyline). Written for the demo; any resemblance to real persons is coincidental.
 *
 * Codings are given as phrases (the first occurrence in the source, or the n-th with `nth`),
 * so their offsets are computed, not hand-counted.
 */
export interface DemoSource {
  key: string;
  title: string;
  kind: 'interview' | 'literature' | 'fieldnote';
  text: string;
  interviewee?: string;
  interviewDate?: string;
  interviewer?: string;
  authors?: string;
  year?: number;
  venue?: string;
  folder?: string;
}

export interface DemoCode {
  name: string;
  definition: string;
  /** 1 concept · 2 category · 3 main category · 4 core category. */
  level: CodeLevel;
  /** Name of the code exactly one level up; absent while the code is not placed yet. */
  parent?: string;
}

export interface DemoCoding {
  source: string;
  phrase: string;
  code: string;
  coder: 'demo' | 'lin';
  memo?: string;
  nth?: number;
}

/** Points at one DEMO_CODING: source key, phrase (and its `nth` occurrence) and code name. */
export interface DemoCodingRef {
  source: string;
  phrase: string;
  code: string;
  nth?: number;
}

/**
 * An axial-coding relation, read "from is the <type> of to" (A1 is a causal condition of
 * CC1); `evidence` cites codings that ground it.
 */
export interface DemoRelation {
  from: string;
  to: string;
  type: RelationType;
  customType?: string;
  memo: string;
  evidence: DemoCodingRef[];
}

/** A storyline paragraph: text runs and mentions of codes (by name). */
export type DemoStorylineParagraph = Array<string | { mention: string }>;

export const DEMO_FOLDERS = ['Seller interviews', 'Literature', 'Field notes'];

export const DEMO_SOURCES: DemoSource[] = [
  {
    key: 'i01',
    title: 'Interview 01 — home-textiles seller, Hangzhou',
    kind: 'interview',
    folder: 'Seller interviews',
    interviewee: 'S01 (founder, 6 employees)',
    interviewDate: '2026-03-12',
    interviewer: 'Dana Demo',
    text: `Interviewer: How did you start selling abroad?
S01: We were making bed linen for a trading company, and the margins were terrible. In 2019 a friend showed me his Amazon dashboard and I thought, we make the product, why not sell it ourselves. The first year we listed forty items and sold almost nothing.
Interviewer: What changed?
S01: Reviews. Buyers in Germany do not know our brand, so they read every review before they buy. We started sending a small card in every parcel asking for honest feedback, and we answered every complaint within a day. After we had two hundred reviews the sales doubled.
Interviewer: How do you decide which markets to enter?
S01: Mostly by watching the data. The platform tells you what people search for. But the platform can also change the rules overnight. Last spring they suspended our account for three weeks because of a packaging label. We lost the whole Easter season. Since then we do not put all our eggs in one basket: we opened a Shopify store and we sell on Etsy too.
Interviewer: Who handles customer service?
S01: My sister does, she studied German. Buyers trust you more when you write like a local. Machine translation is fine for listings, but for complaints you need a real person who understands the tone.
Interviewer: What is the hardest part now?
S01: Logistics. Shipping costs went up and delivery times are long. A buyer who waits twenty days will not come back, however nice the product is. We now keep stock in a warehouse near Frankfurt so parcels arrive in two days.`,
  },
  {
    key: 'i02',
    title: '访谈 02 — 跨境美妆卖家，深圳',
    kind: 'interview',
    folder: 'Seller interviews',
    interviewee: 'S02（运营总监）',
    interviewDate: '2026-03-18',
    interviewer: 'Lin Wei',
    text: `访谈者：您觉得海外买家最看重什么？
S02：信任。我们是新品牌，买家不认识我们，所以我们做了很多社交媒体内容，请海外的网红试用产品，拍真实的视频。买家看到真人使用，才愿意下单。
访谈者：平台规则对您有什么影响？
S02：影响很大。平台的政策经常变，上个月广告费涨了百分之三十。我们只能一边做平台，一边建自己的独立站，把老客户沉淀下来。🙂 现在复购率大概有百分之二十五。
访谈者：物流方面呢？
S02：物流太慢是最大的问题。化妆品有保质期，运输时间长了，买家会担心产品不新鲜。所以我们在美国用海外仓，三天就能送到。
访谈者：团队怎么分工？
S02：我们有一个本地化小组，负责翻译和客服，都是在国外留过学的年轻人。他们知道当地人说话的方式，回复差评的时候不会让人觉得生硬。`,
  },
  {
    key: 'i03',
    title: 'Interview 03 — platform account manager',
    kind: 'interview',
    folder: 'Seller interviews',
    interviewee: 'P01 (marketplace account manager)',
    interviewDate: '2026-04-02',
    interviewer: 'Dana Demo',
    text: `Interviewer: What distinguishes sellers who grow from those who stall?
P01: The ones who grow treat the marketplace as a partner, not as a vending machine. They read the policy updates, they keep their account health green, and they invest in their brand instead of competing only on price.
Interviewer: Price competition is common?
P01: Very. A new seller often starts by undercutting everyone. It works for a few months, then a factory next door copies the listing and sells it cheaper. Without a brand or reviews, there is nothing left to protect you.
Interviewer: How do sellers build trust with foreign buyers?
P01: Clear pictures, honest descriptions, fast answers. And local delivery. Buyers forgive a lot if the parcel arrives quickly. Sellers who use our fulfilment service or their own overseas warehouse get better ratings on average.
Interviewer: Do sellers rely on you too much?
P01: Some do. When we change the fee structure, those sellers panic. The sophisticated ones spread their risk: their own website, social media shops, sometimes wholesale to local retailers.`,
  },
  {
    key: 'f01',
    title: 'Field note — seller meet-up, Yiwu',
    kind: 'fieldnote',
    folder: 'Field notes',
    interviewDate: '2026-03-20',
    interviewer: 'Lin Wei',
    text: `About sixty sellers in a hotel conference room. The first talk was about "account health" — the speaker showed a slide of suspended accounts and the room went quiet. Several people took photos of the slide.
In the break, two sellers compared warehouse prices in Poland and the Czech Republic. One said overseas warehouses are "the only way to compete with local shops".
A woman who sells children's clothes told me she hires students abroad to answer customer emails, because "foreigners can tell when a Chinese company writes".`,
  },
  {
    key: 'l01',
    title: 'Platform dependence in cross-border e-commerce (excerpt)',
    kind: 'literature',
    folder: 'Literature',
    authors: 'Example, A.; Sample, B.',
    year: 2024,
    venue: 'Journal of Illustrative Commerce Studies',
    text: `Small exporters that enter foreign markets through digital platforms gain immediate access to demand, but they also inherit the platform's governance. Rules on listings, fees and account suspensions are set unilaterally and change frequently. We describe this condition as platform dependence.
Sellers respond with two families of strategies. The first deepens engagement with the platform: learning its algorithms, advertising, and meeting its service metrics. The second reduces dependence: building independent web shops, diversifying channels and cultivating a brand that travels across platforms.
Trust remains the central problem for unknown foreign sellers. Reviews, localized communication and fast delivery act as substitutes for the reputation that established brands already hold.`,
  },
  {
    key: 'i04',
    title: 'Interview 04 — electronics accessories seller, Shenzhen',
    kind: 'interview',
    folder: 'Seller interviews',
    interviewee: 'S03 (co-founder, 14 employees)',
    interviewDate: '2026-04-08',
    interviewer: 'Lin Wei',
    text: `Interviewer: What do you sell, and where?
S03: Phone chargers, cables and power banks, mainly to the UK, Germany and the US. We are in Huaqiangbei, so the components are all around us. Ten years ago we did OEM for European brands at two or three percent margin.
Interviewer: What do buyers worry about with chargers?
S03: Safety. A charger that catches fire is in the news. When a buyer sees a Shenzhen address, they think cheap and dangerous. So we put the CE and UKCA certificates and the lab test report right in the listing images, and we print the certificate number on the box. After that the return rate fell, and the questions changed from "is it safe" to "is it compatible with my phone".
Interviewer: How do you compete?
S03: Not on price any more. In 2021 we were in a price war: every month somebody sold the same cable for fifty cents less. Then a seller copied our photos and even our brand name on the packaging. We filed a complaint, and it took two months. Now we make our own designs, we register the trademark first, and we give an eighteen-month warranty. A buyer who knows he can get a replacement does not mind paying two pounds more.
Interviewer: How important is the platform's algorithm?
S03: Very. We spent a year learning how search ranking works: keywords, conversion rate, how fast you ship. If your late shipment rate goes above four percent, your listing disappears. We have one person who does nothing but watch the account health dashboard.
Interviewer: And advertising?
S03: Advertising now eats eighteen percent of revenue. Three years ago it was eight. Every year the click price goes up and we cannot stop, because if we stop the ranking drops.
Interviewer: Have you tried selling outside Amazon?
S03: We opened our own website in 2023. It was a lesson. On Amazon we have four point eight stars from nine thousand reviews, but those reviews stay on Amazon. On our own site we were strangers again. Nobody buys a charger from a website they have never heard of. So now we show the best reviews on the site, with the buyer's permission, and we send every buyer a leaflet with a QR code for registering the warranty on our website. That is how we collect emails.
Interviewer: Does that work?
S03: Slowly. Last year twelve percent of our sales came from the website. Not much, but if Amazon closes our account tomorrow we still exist.`,
  },
  {
    key: 'i05',
    title: 'Interview 05 — cosmetics seller for Vietnam, Guangzhou (bilingual transcript)',
    kind: 'interview',
    folder: 'Seller interviews',
    interviewee: 'S04 (founder, sells on Shopee and TikTok Shop Vietnam)',
    interviewDate: '2026-04-11',
    interviewer: 'Lin Wei',
    text: `[Interview held in Mandarin; the interviewee's own words are kept where she stressed them, with a translation in brackets.]
Interviewer: Why Vietnam?
S04: We sell lipstick and sunscreen. In China the market is full. Vietnam is close and young, and people follow Chinese beauty trends on TikTok. 越南的年轻人天天刷抖音国际版，看中国的美妆博主。[Young Vietnamese scroll TikTok every day and watch Chinese beauty bloggers.]
Interviewer: Do buyers trust a Chinese brand?
S04: At first, no. There are many fake cosmetics in Vietnam, and people are afraid of "hàng giả", fake goods. Some buyers asked whether our sunscreen would damage their skin. So we send samples to local KOLs, and we do livestreams on TikTok Shop every evening with a Vietnamese host. When the host puts the lipstick on her own lips, the comments fill with orders.
Interviewer: How do buyers pay?
S04: 越南买家很喜欢货到付款，差不多七成的订单都是货到付款。[Vietnamese buyers love cash on delivery; almost seventy percent of our orders are cash on delivery.] They want to see the parcel before they pay. The problem is refusal: if the buyer changes her mind, the parcel comes back and we pay shipping twice.
Interviewer: Did you change the products?
S04: Yes. The shades that sell in China are too light for many Vietnamese customers, so we added three warmer shades. And the sunscreen is now lighter, because it is hot and humid there. 产品要跟着当地的皮肤和气候走。[The product has to follow the local skin and climate.]
Interviewer: Who talks to the buyers?
S04: We hired two young Vietnamese women in Ho Chi Minh City. They answer chats in Vietnamese, with the slang young people use. Before that we used translation software, and buyers laughed at us in the comments.
Interviewer: How do you keep customers?
S04: We have a Zalo group with four thousand members. We post new shades there first, and people share their photos. Seven days after delivery, our staff send a message asking how the skin feels. If there is a problem we replace the product, no questions asked. 很多回头客就是这样来的。[Many of our repeat customers came this way.]
Interviewer: And the platform?
S04: Shopee raised the commission twice last year, and the free-shipping programme now costs six percent. We cannot leave, most traffic is there. But the Zalo group is ours.`,
  },
  {
    key: 'i06',
    title: 'Interview 06 — seller-success manager, social-commerce platform',
    kind: 'interview',
    folder: 'Seller interviews',
    interviewee: 'P02 (seller-success manager, Southeast Asia)',
    interviewDate: '2026-04-15',
    interviewer: 'Dana Demo',
    text: `Interviewer: What is your job?
P02: I look after about three hundred cross-border sellers on a social-commerce platform in Southeast Asia. I help them set up shops, read their performance data and avoid penalties.
Interviewer: What do new sellers get wrong?
P02: They think the platform is just a shop window. But every shop has a score: chat response rate, late dispatch, cancellations, negative reviews. Below one threshold the shop loses traffic; below another, it gets suspended. New sellers often learn this only after the first penalty.
Interviewer: Can sellers ask buyers for reviews?
P02: They can ask, but they cannot pay for them. Offering a discount or a free gift for a five-star review is against the rules, and we remove those reviews and penalise the shop. Some sellers from China were used to "好评返现", cash back for good reviews, and were shocked when their ratings were wiped.
Interviewer: What helps sellers build trust?
P02: Live selling. Buyers here watch a host try the product and ask questions in real time. It is much harder to fake than photos. And local warehouses: shops in our fulfilment programme get the "fast delivery" badge, and their ratings are on average three tenths of a star higher.
Interviewer: Do buyers care where a seller comes from?
P02: Some do. A shop that ships from China shows "overseas" on the product page, and many buyers filter those out, because they fear long waits and difficult returns. That is why we recommend a local return address.
Interviewer: Can sellers move their customers off the platform?
P02: Officially, no. Putting a phone number or a link to another shop in a chat is a violation. But everybody knows the good sellers have their own groups on Zalo or Facebook. The platform would rather the relationship stayed here.`,
  },
];

/**
 * The codebook, in the order of the hierarchy table (core → main → category → its concepts),
 * so that numbering each level in this order gives CC1…, A1…, B1…, C1… top to bottom. The last
 * two concepts are deliberately not placed in a category yet.
 */
export const DEMO_CODES: DemoCode[] = [
  {
    name: 'substituting for reputation',
    level: 4,
    definition:
      'Core category. Unknown foreign sellers earn buyers’ trust by assembling stand-ins — social proof, assurances, local presence — for the reputation that established brands already hold.',
  },
  {
    name: 'trust deficit of the foreign newcomer',
    level: 3,
    parent: 'substituting for reputation',
    definition: 'Main category. Why trust is a problem at all: buyers do not know the seller, doubt its origin, and meet it in a market of anonymous, copied, cheap products.',
  },
  {
    name: 'anonymity of the foreign seller',
    level: 2,
    parent: 'trust deficit of the foreign newcomer',
    definition: 'Category. Buyers know neither the seller nor its brand, and read a foreign address as a risk.',
  },
  { name: 'buyer suspicion of unknown sellers', level: 1, parent: 'anonymity of the foreign seller', definition: 'Buyers hesitate to buy from a seller or shop they have never heard of (no sales, fear of fakes, “strangers again”).' },
  { name: 'country-of-origin doubts', level: 1, parent: 'anonymity of the foreign seller', definition: 'A Chinese address, style of writing or “overseas” label is read as cheap, unsafe or slow.' },
  {
    name: 'price-led competition',
    level: 2,
    parent: 'trust deficit of the foreign newcomer',
    definition: 'Category. Selling interchangeable products on price, where margins are thin and listings are copied.',
  },
  { name: 'low margins in OEM work', level: 1, parent: 'price-led competition', definition: 'Sellers describe contract manufacturing or trading-company work as unprofitable, motivating direct selling.' },
  { name: 'price undercutting', level: 1, parent: 'price-led competition', definition: 'Competing mainly on low price; price wars among sellers of the same product.' },
  { name: 'imitation by competitors', level: 1, parent: 'price-led competition', definition: 'Other sellers copy a listing, its photos or even its brand name.' },
  {
    name: 'signalling trustworthiness',
    level: 3,
    parent: 'substituting for reputation',
    definition: 'Main category. Making trustworthiness visible to a buyer who cannot check it: what others say about the seller, and what the seller guarantees.',
  },
  {
    name: 'social proof',
    level: 2,
    parent: 'signalling trustworthiness',
    definition: 'Category. Other buyers and creators vouch for the product: reviews, influencers, live demonstrations.',
  },
  { name: 'reviews as trust signal', level: 1, parent: 'social proof', definition: 'Buyer reviews and ratings used to overcome unfamiliarity with the brand.' },
  { name: 'soliciting feedback', level: 1, parent: 'social proof', definition: 'Active steps to obtain reviews or feedback from buyers (and the rules limiting them).' },
  { name: 'influencer marketing', level: 1, parent: 'social proof', definition: 'Using social-media creators, samples to KOLs or real-use videos to build trust.' },
  { name: 'live selling', level: 1, parent: 'social proof', definition: 'Livestreams in which a host uses the product and answers buyers’ questions in real time.' },
  {
    name: 'quality and service assurance',
    level: 2,
    parent: 'signalling trustworthiness',
    definition: 'Category. Guarantees the seller gives about the product and about what happens when something goes wrong.',
  },
  { name: 'compliance certificates', level: 1, parent: 'quality and service assurance', definition: 'Showing safety marks, test reports or certificate numbers to buyers.' },
  { name: 'honest product presentation', level: 1, parent: 'quality and service assurance', definition: 'Clear pictures, honest descriptions, demonstrations that are hard to fake.' },
  { name: 'warranty and easy returns', level: 1, parent: 'quality and service assurance', definition: 'Warranties, no-questions replacements and local return addresses.' },
  { name: 'fast complaint handling', level: 1, parent: 'quality and service assurance', definition: 'Responding quickly to complaints, questions or negative reviews.' },
  {
    name: 'becoming locally present',
    level: 3,
    parent: 'substituting for reputation',
    definition: 'Main category. Making a distant seller feel like a local one: in language, in delivery, and in the habits of the market.',
  },
  {
    name: 'speaking like a local',
    level: 2,
    parent: 'becoming locally present',
    definition: 'Category. Communicating with buyers in their language and tone, usually through native speakers.',
  },
  { name: 'localized communication', level: 1, parent: 'speaking like a local', definition: 'Using native-like language, slang and tone with foreign buyers.' },
  { name: 'native-speaking staff', level: 1, parent: 'speaking like a local', definition: 'Hiring relatives, students or local staff who speak the buyers’ language.' },
  {
    name: 'local fulfilment',
    level: 2,
    parent: 'becoming locally present',
    definition: 'Category. Delivery speed as a trust problem, and stock kept in the destination market as its answer.',
  },
  { name: 'slow logistics', level: 1, parent: 'local fulfilment', definition: 'Long delivery times or rising shipping costs hurting sales.' },
  { name: 'overseas warehouse', level: 1, parent: 'local fulfilment', definition: 'Keeping stock in the destination market (own warehouse or the platform’s fulfilment) for fast delivery.' },
  {
    name: 'fitting local habits',
    level: 2,
    parent: 'becoming locally present',
    definition: 'Category. Adapting payment and products to how buyers in the market pay, look and live.',
  },
  { name: 'cash on delivery', level: 1, parent: 'fitting local habits', definition: 'Offering payment on delivery, and bearing the cost of refused parcels.' },
  { name: 'adapting products to local taste', level: 1, parent: 'fitting local habits', definition: 'Changing shades, formulas or designs for local bodies, climate or taste.' },
  {
    name: 'balancing platform dependence',
    level: 4,
    definition:
      'Core category. Sellers live on a platform’s demand and under its governance; they keep adjusting how far they play by its rules and how far they build a base of their own.',
  },
  {
    name: 'platform governance',
    level: 3,
    parent: 'balancing platform dependence',
    definition: 'Main category. Rules, fees and performance metrics set unilaterally by the platform, which sellers must meet to stay visible.',
  },
  {
    name: 'platform rule volatility',
    level: 2,
    parent: 'platform governance',
    definition: 'Category. Rules, fees and sanctions change without the seller’s influence, sometimes overnight.',
  },
  { name: 'sudden rule changes', level: 1, parent: 'platform rule volatility', definition: 'Platform rules, fees or policies change without the seller’s influence.' },
  { name: 'account suspension', level: 1, parent: 'platform rule volatility', definition: 'The platform suspends or threatens to suspend a seller account.' },
  { name: 'rising platform fees', level: 1, parent: 'platform rule volatility', definition: 'Advertising, commission or programme fees take a growing share of revenue.' },
  {
    name: 'meeting platform metrics',
    level: 2,
    parent: 'platform governance',
    definition: 'Category. Learning and meeting the numbers by which the platform ranks and sanctions shops.',
  },
  { name: 'account health metrics', level: 1, parent: 'meeting platform metrics', definition: 'Shop scores (late shipment, response rate, cancellations) that decide traffic and sanctions.' },
  { name: 'learning the algorithm', level: 1, parent: 'meeting platform metrics', definition: 'Studying search ranking, keywords and policies to stay visible.' },
  {
    name: 'building an independent base',
    level: 3,
    parent: 'balancing platform dependence',
    definition: 'Main category. Building what the platform cannot take away: other channels, an own shop, a brand and the customers themselves.',
  },
  {
    name: 'spreading channel risk',
    level: 2,
    parent: 'building an independent base',
    definition: 'Category. Selling through more than one channel so that no single platform decides the business’s fate.',
  },
  { name: 'channel diversification', level: 1, parent: 'spreading channel risk', definition: 'Selling through several platforms, social shops or wholesale to spread risk.' },
  { name: 'own web shop', level: 1, parent: 'spreading channel risk', definition: 'An independent web shop (Shopify, 独立站) owned by the seller.' },
  {
    name: 'owning the customer relationship',
    level: 2,
    parent: 'building an independent base',
    definition: 'Category. Keeping buyers as the seller’s own: a known brand, a community, follow-up and repeat purchases.',
  },
  { name: 'repeat customers', level: 1, parent: 'owning the customer relationship', definition: 'Retaining buyers, repurchase rates, customer lists owned by the seller.' },
  { name: 'brand building', level: 1, parent: 'owning the customer relationship', definition: 'Investing in an own brand (designs, trademark) rather than anonymous products.' },
  { name: 'buyer community', level: 1, parent: 'owning the customer relationship', definition: 'Groups (Zalo, Facebook) where buyers meet the seller and each other.' },
  { name: 'after-sales follow-up', level: 1, parent: 'owning the customer relationship', definition: 'Contacting buyers after delivery: check-ins, warranty registration.' },
  // Not placed yet: shows the “unplaced concepts” row of the hierarchy table.
  { name: 'data-driven market choice', level: 1, definition: 'Choosing markets or products from platform search data or visible trends.' },
  { name: 'peer learning among sellers', level: 1, definition: 'Sellers learn from each other at meet-ups: comparing prices, sharing warnings.' },
];

export const DEMO_CODINGS: DemoCoding[] = [
  // i01 — home textiles, Hangzhou
  { source: 'i01', phrase: 'the margins were terrible', code: 'low margins in OEM work', coder: 'demo' },
  { source: 'i01', phrase: 'The first year we listed forty items and sold almost nothing', code: 'buyer suspicion of unknown sellers', coder: 'demo', memo: 'No reviews, no sales: the deficit before any strategy.' },
  { source: 'i01', phrase: 'Buyers in Germany do not know our brand, so they read every review before they buy', code: 'reviews as trust signal', coder: 'demo', memo: 'Core mechanism: reviews substitute for brand reputation.' },
  { source: 'i01', phrase: 'Buyers in Germany do not know our brand', code: 'buyer suspicion of unknown sellers', coder: 'lin' },
  { source: 'i01', phrase: 'We started sending a small card in every parcel asking for honest feedback', code: 'soliciting feedback', coder: 'demo' },
  { source: 'i01', phrase: 'We started sending a small card in every parcel asking for honest feedback', code: 'reviews as trust signal', coder: 'lin' },
  { source: 'i01', phrase: 'we answered every complaint within a day', code: 'fast complaint handling', coder: 'demo' },
  { source: 'i01', phrase: 'we answered every complaint within a day', code: 'fast complaint handling', coder: 'lin' },
  { source: 'i01', phrase: 'After we had two hundred reviews the sales doubled', code: 'reviews as trust signal', coder: 'demo' },
  { source: 'i01', phrase: 'Mostly by watching the data. The platform tells you what people search for.', code: 'data-driven market choice', coder: 'lin' },
  { source: 'i01', phrase: 'the platform can also change the rules overnight', code: 'sudden rule changes', coder: 'demo' },
  { source: 'i01', phrase: 'they suspended our account for three weeks because of a packaging label', code: 'account suspension', coder: 'demo', memo: 'Compare with P01 on "account health".' },
  { source: 'i01', phrase: 'they suspended our account for three weeks because of a packaging label. We lost the whole Easter season', code: 'sudden rule changes', coder: 'lin' },
  { source: 'i01', phrase: 'we opened a Shopify store and we sell on Etsy too', code: 'channel diversification', coder: 'demo' },
  { source: 'i01', phrase: 'we opened a Shopify store', code: 'own web shop', coder: 'lin' },
  { source: 'i01', phrase: 'My sister does, she studied German', code: 'native-speaking staff', coder: 'demo' },
  { source: 'i01', phrase: 'Buyers trust you more when you write like a local', code: 'localized communication', coder: 'demo' },
  { source: 'i01', phrase: 'for complaints you need a real person who understands the tone', code: 'localized communication', coder: 'lin' },
  { source: 'i01', phrase: 'Shipping costs went up and delivery times are long', code: 'slow logistics', coder: 'lin' },
  { source: 'i01', phrase: 'A buyer who waits twenty days will not come back', code: 'slow logistics', coder: 'demo' },
  { source: 'i01', phrase: 'We now keep stock in a warehouse near Frankfurt so parcels arrive in two days', code: 'overseas warehouse', coder: 'demo' },
  // i02 — cosmetics, Shenzhen (Chinese)
  { source: 'i02', phrase: '信任。我们是新品牌，买家不认识我们', code: 'reviews as trust signal', coder: 'lin', memo: 'Trust problem stated directly; solved with influencers, not reviews.' },
  { source: 'i02', phrase: '我们是新品牌，买家不认识我们', code: 'buyer suspicion of unknown sellers', coder: 'demo' },
  { source: 'i02', phrase: '我们做了很多社交媒体内容', code: 'influencer marketing', coder: 'demo' },
  { source: 'i02', phrase: '请海外的网红试用产品，拍真实的视频', code: 'influencer marketing', coder: 'lin' },
  { source: 'i02', phrase: '买家看到真人使用，才愿意下单', code: 'influencer marketing', coder: 'lin' },
  { source: 'i02', phrase: '平台的政策经常变，上个月广告费涨了百分之三十', code: 'sudden rule changes', coder: 'lin' },
  { source: 'i02', phrase: '上个月广告费涨了百分之三十', code: 'rising platform fees', coder: 'demo' },
  { source: 'i02', phrase: '一边建自己的独立站，把老客户沉淀下来', code: 'channel diversification', coder: 'lin' },
  { source: 'i02', phrase: '建自己的独立站', code: 'own web shop', coder: 'demo' },
  { source: 'i02', phrase: '把老客户沉淀下来。🙂 现在复购率大概有百分之二十五', code: 'repeat customers', coder: 'lin' },
  { source: 'i02', phrase: '物流太慢是最大的问题', code: 'slow logistics', coder: 'lin' },
  { source: 'i02', phrase: '化妆品有保质期，运输时间长了，买家会担心产品不新鲜', code: 'slow logistics', coder: 'demo' },
  { source: 'i02', phrase: '所以我们在美国用海外仓，三天就能送到', code: 'overseas warehouse', coder: 'lin' },
  { source: 'i02', phrase: '我们有一个本地化小组，负责翻译和客服，都是在国外留过学的年轻人', code: 'native-speaking staff', coder: 'lin' },
  { source: 'i02', phrase: '他们知道当地人说话的方式，回复差评的时候不会让人觉得生硬', code: 'localized communication', coder: 'lin' },
  { source: 'i02', phrase: '回复差评的时候', code: 'fast complaint handling', coder: 'demo' },
  // i03 — platform account manager
  { source: 'i03', phrase: 'They read the policy updates, they keep their account health green', code: 'account health metrics', coder: 'demo' },
  { source: 'i03', phrase: 'they keep their account health green', code: 'account health metrics', coder: 'lin' },
  { source: 'i03', phrase: 'they invest in their brand instead of competing only on price', code: 'brand building', coder: 'demo' },
  { source: 'i03', phrase: 'A new seller often starts by undercutting everyone', code: 'price undercutting', coder: 'demo' },
  { source: 'i03', phrase: 'a factory next door copies the listing and sells it cheaper', code: 'price undercutting', coder: 'lin' },
  { source: 'i03', phrase: 'a factory next door copies the listing', code: 'imitation by competitors', coder: 'demo' },
  { source: 'i03', phrase: 'Without a brand or reviews, there is nothing left to protect you', code: 'brand building', coder: 'demo' },
  { source: 'i03', phrase: 'Clear pictures, honest descriptions, fast answers', code: 'fast complaint handling', coder: 'lin' },
  { source: 'i03', phrase: 'Clear pictures, honest descriptions', code: 'honest product presentation', coder: 'demo' },
  { source: 'i03', phrase: 'Buyers forgive a lot if the parcel arrives quickly', code: 'overseas warehouse', coder: 'demo' },
  { source: 'i03', phrase: 'Sellers who use our fulfilment service or their own overseas warehouse get better ratings on average', code: 'overseas warehouse', coder: 'lin' },
  { source: 'i03', phrase: 'Sellers who use our fulfilment service or their own overseas warehouse get better ratings on average', code: 'reviews as trust signal', coder: 'demo', memo: 'Ratings follow delivery speed: social proof as a consequence of local fulfilment.' },
  { source: 'i03', phrase: 'When we change the fee structure, those sellers panic', code: 'sudden rule changes', coder: 'demo' },
  { source: 'i03', phrase: 'When we change the fee structure', code: 'rising platform fees', coder: 'lin' },
  { source: 'i03', phrase: 'The sophisticated ones spread their risk: their own website, social media shops, sometimes wholesale to local retailers', code: 'channel diversification', coder: 'demo' },
  // f01 — field note, Yiwu
  { source: 'f01', phrase: 'The first talk was about "account health"', code: 'account health metrics', coder: 'lin' },
  { source: 'f01', phrase: 'the speaker showed a slide of suspended accounts and the room went quiet', code: 'account suspension', coder: 'lin' },
  { source: 'f01', phrase: 'Several people took photos of the slide', code: 'peer learning among sellers', coder: 'lin' },
  { source: 'f01', phrase: 'two sellers compared warehouse prices in Poland and the Czech Republic', code: 'peer learning among sellers', coder: 'demo' },
  { source: 'f01', phrase: 'compared warehouse prices in Poland and the Czech Republic', code: 'overseas warehouse', coder: 'lin' },
  { source: 'f01', phrase: 'overseas warehouses are "the only way to compete with local shops"', code: 'overseas warehouse', coder: 'lin' },
  { source: 'f01', phrase: 'she hires students abroad to answer customer emails, because "foreigners can tell when a Chinese company writes"', code: 'localized communication', coder: 'lin' },
  { source: 'f01', phrase: 'she hires students abroad to answer customer emails', code: 'native-speaking staff', coder: 'demo' },
  { source: 'f01', phrase: '"foreigners can tell when a Chinese company writes"', code: 'country-of-origin doubts', coder: 'demo', memo: 'In vivo: origin is read from the writing itself.' },
  // l01 — literature
  { source: 'l01', phrase: 'Rules on listings, fees and account suspensions are set unilaterally and change frequently', code: 'sudden rule changes', coder: 'demo' },
  { source: 'l01', phrase: 'learning its algorithms', code: 'learning the algorithm', coder: 'demo' },
  { source: 'l01', phrase: 'meeting its service metrics', code: 'account health metrics', coder: 'demo' },
  { source: 'l01', phrase: 'building independent web shops, diversifying channels', code: 'channel diversification', coder: 'demo' },
  { source: 'l01', phrase: 'building independent web shops', code: 'own web shop', coder: 'lin' },
  { source: 'l01', phrase: 'cultivating a brand that travels across platforms', code: 'brand building', coder: 'demo' },
  { source: 'l01', phrase: 'Trust remains the central problem for unknown foreign sellers', code: 'buyer suspicion of unknown sellers', coder: 'demo' },
  { source: 'l01', phrase: 'Reviews, localized communication and fast delivery act as substitutes for the reputation that established brands already hold', code: 'reviews as trust signal', coder: 'demo', memo: 'Names our core category almost verbatim: substituting for reputation.' },
  // i04 — electronics accessories, Shenzhen
  { source: 'i04', phrase: 'Ten years ago we did OEM for European brands at two or three percent margin', code: 'low margins in OEM work', coder: 'demo' },
  { source: 'i04', phrase: 'When a buyer sees a Shenzhen address, they think cheap and dangerous', code: 'country-of-origin doubts', coder: 'demo' },
  { source: 'i04', phrase: 'When a buyer sees a Shenzhen address, they think cheap and dangerous', code: 'buyer suspicion of unknown sellers', coder: 'lin' },
  { source: 'i04', phrase: 'we put the CE and UKCA certificates and the lab test report right in the listing images', code: 'compliance certificates', coder: 'demo' },
  { source: 'i04', phrase: 'we print the certificate number on the box', code: 'compliance certificates', coder: 'lin' },
  { source: 'i04', phrase: 'the questions changed from "is it safe" to "is it compatible with my phone"', code: 'compliance certificates', coder: 'demo', memo: 'Once safety is certified, buyers ask ordinary product questions: the deficit is closed.' },
  { source: 'i04', phrase: 'every month somebody sold the same cable for fifty cents less', code: 'price undercutting', coder: 'lin' },
  { source: 'i04', phrase: 'a seller copied our photos and even our brand name on the packaging', code: 'imitation by competitors', coder: 'lin' },
  { source: 'i04', phrase: 'we make our own designs, we register the trademark first', code: 'brand building', coder: 'lin' },
  { source: 'i04', phrase: 'we register the trademark first', code: 'brand building', coder: 'demo' },
  { source: 'i04', phrase: 'we give an eighteen-month warranty', code: 'warranty and easy returns', coder: 'demo' },
  { source: 'i04', phrase: 'A buyer who knows he can get a replacement does not mind paying two pounds more', code: 'warranty and easy returns', coder: 'lin' },
  { source: 'i04', phrase: 'We spent a year learning how search ranking works', code: 'learning the algorithm', coder: 'demo' },
  { source: 'i04', phrase: 'If your late shipment rate goes above four percent, your listing disappears', code: 'account health metrics', coder: 'demo' },
  { source: 'i04', phrase: 'We have one person who does nothing but watch the account health dashboard', code: 'account health metrics', coder: 'lin' },
  { source: 'i04', phrase: 'Advertising now eats eighteen percent of revenue. Three years ago it was eight', code: 'rising platform fees', coder: 'demo' },
  { source: 'i04', phrase: 'we cannot stop, because if we stop the ranking drops', code: 'rising platform fees', coder: 'lin' },
  { source: 'i04', phrase: 'We opened our own website in 2023', code: 'own web shop', coder: 'demo' },
  { source: 'i04', phrase: 'those reviews stay on Amazon', code: 'reviews as trust signal', coder: 'demo', memo: 'Reviews are the platform’s, not the seller’s: trust does not travel.' },
  { source: 'i04', phrase: 'On our own site we were strangers again', code: 'buyer suspicion of unknown sellers', coder: 'demo' },
  { source: 'i04', phrase: 'Nobody buys a charger from a website they have never heard of', code: 'buyer suspicion of unknown sellers', coder: 'lin' },
  { source: 'i04', phrase: 'we show the best reviews on the site', code: 'reviews as trust signal', coder: 'lin' },
  { source: 'i04', phrase: 'we send every buyer a leaflet with a QR code for registering the warranty on our website', code: 'after-sales follow-up', coder: 'demo' },
  { source: 'i04', phrase: 'That is how we collect emails', code: 'repeat customers', coder: 'demo' },
  { source: 'i04', phrase: 'twelve percent of our sales came from the website', code: 'own web shop', coder: 'lin' },
  { source: 'i04', phrase: 'if Amazon closes our account tomorrow we still exist', code: 'channel diversification', coder: 'demo' },
  { source: 'i04', phrase: 'if Amazon closes our account tomorrow', code: 'account suspension', coder: 'lin' },
  // i05 — cosmetics for Vietnam (bilingual)
  { source: 'i05', phrase: 'Vietnam is close and young, and people follow Chinese beauty trends on TikTok', code: 'data-driven market choice', coder: 'lin' },
  { source: 'i05', phrase: '越南的年轻人天天刷抖音国际版，看中国的美妆博主。', code: 'influencer marketing', coder: 'lin' },
  { source: 'i05', phrase: 'There are many fake cosmetics in Vietnam, and people are afraid of "hàng giả", fake goods', code: 'buyer suspicion of unknown sellers', coder: 'demo' },
  { source: 'i05', phrase: 'There are many fake cosmetics in Vietnam, and people are afraid of "hàng giả", fake goods', code: 'buyer suspicion of unknown sellers', coder: 'lin' },
  { source: 'i05', phrase: 'Some buyers asked whether our sunscreen would damage their skin', code: 'country-of-origin doubts', coder: 'lin' },
  { source: 'i05', phrase: 'we send samples to local KOLs', code: 'influencer marketing', coder: 'demo' },
  { source: 'i05', phrase: 'we do livestreams on TikTok Shop every evening with a Vietnamese host', code: 'live selling', coder: 'demo' },
  { source: 'i05', phrase: 'with a Vietnamese host', code: 'native-speaking staff', coder: 'lin' },
  { source: 'i05', phrase: 'When the host puts the lipstick on her own lips, the comments fill with orders', code: 'live selling', coder: 'lin', memo: 'Seeing the product used live replaces reviews for a new shop.' },
  { source: 'i05', phrase: '越南买家很喜欢货到付款，差不多七成的订单都是货到付款。', code: 'cash on delivery', coder: 'lin' },
  { source: 'i05', phrase: 'They want to see the parcel before they pay', code: 'cash on delivery', coder: 'demo' },
  { source: 'i05', phrase: 'if the buyer changes her mind, the parcel comes back and we pay shipping twice', code: 'cash on delivery', coder: 'demo' },
  { source: 'i05', phrase: 'so we added three warmer shades', code: 'adapting products to local taste', coder: 'demo' },
  { source: 'i05', phrase: 'the sunscreen is now lighter, because it is hot and humid there', code: 'adapting products to local taste', coder: 'lin' },
  { source: 'i05', phrase: '产品要跟着当地的皮肤和气候走。', code: 'adapting products to local taste', coder: 'lin' },
  { source: 'i05', phrase: 'We hired two young Vietnamese women in Ho Chi Minh City', code: 'native-speaking staff', coder: 'demo' },
  { source: 'i05', phrase: 'They answer chats in Vietnamese, with the slang young people use', code: 'localized communication', coder: 'demo' },
  { source: 'i05', phrase: 'They answer chats in Vietnamese, with the slang young people use', code: 'native-speaking staff', coder: 'lin' },
  { source: 'i05', phrase: 'Before that we used translation software, and buyers laughed at us in the comments', code: 'localized communication', coder: 'lin' },
  { source: 'i05', phrase: 'We have a Zalo group with four thousand members', code: 'buyer community', coder: 'demo' },
  { source: 'i05', phrase: 'We post new shades there first, and people share their photos', code: 'buyer community', coder: 'lin' },
  { source: 'i05', phrase: 'people share their photos', code: 'reviews as trust signal', coder: 'demo' },
  { source: 'i05', phrase: 'Seven days after delivery, our staff send a message asking how the skin feels', code: 'after-sales follow-up', coder: 'demo' },
  { source: 'i05', phrase: 'If there is a problem we replace the product, no questions asked', code: 'warranty and easy returns', coder: 'demo' },
  { source: 'i05', phrase: 'If there is a problem we replace the product, no questions asked', code: 'fast complaint handling', coder: 'lin' },
  { source: 'i05', phrase: '很多回头客就是这样来的。', code: 'repeat customers', coder: 'lin' },
  { source: 'i05', phrase: 'Shopee raised the commission twice last year, and the free-shipping programme now costs six percent', code: 'rising platform fees', coder: 'demo' },
  { source: 'i05', phrase: 'Shopee raised the commission twice last year', code: 'sudden rule changes', coder: 'lin' },
  { source: 'i05', phrase: 'But the Zalo group is ours', code: 'buyer community', coder: 'demo', memo: 'The community is the one asset the platform cannot change.' },
  // i06 — seller-success manager, social-commerce platform
  { source: 'i06', phrase: 'I help them set up shops, read their performance data and avoid penalties', code: 'account health metrics', coder: 'lin' },
  { source: 'i06', phrase: 'every shop has a score: chat response rate, late dispatch, cancellations, negative reviews', code: 'account health metrics', coder: 'demo' },
  { source: 'i06', phrase: 'Below one threshold the shop loses traffic; below another, it gets suspended', code: 'account suspension', coder: 'demo' },
  { source: 'i06', phrase: 'Below one threshold the shop loses traffic; below another, it gets suspended', code: 'account health metrics', coder: 'lin' },
  { source: 'i06', phrase: 'New sellers often learn this only after the first penalty', code: 'learning the algorithm', coder: 'demo' },
  { source: 'i06', phrase: 'They can ask, but they cannot pay for them', code: 'soliciting feedback', coder: 'demo' },
  { source: 'i06', phrase: 'Offering a discount or a free gift for a five-star review is against the rules, and we remove those reviews and penalise the shop', code: 'soliciting feedback', coder: 'lin', memo: 'The platform decides which signals count.' },
  { source: 'i06', phrase: 'were shocked when their ratings were wiped', code: 'sudden rule changes', coder: 'demo' },
  { source: 'i06', phrase: 'Buyers here watch a host try the product and ask questions in real time', code: 'live selling', coder: 'demo' },
  { source: 'i06', phrase: 'It is much harder to fake than photos', code: 'live selling', coder: 'lin' },
  { source: 'i06', phrase: 'It is much harder to fake than photos', code: 'honest product presentation', coder: 'demo' },
  { source: 'i06', phrase: 'shops in our fulfilment programme get the "fast delivery" badge, and their ratings are on average three tenths of a star higher', code: 'overseas warehouse', coder: 'demo' },
  { source: 'i06', phrase: 'shops in our fulfilment programme get the "fast delivery" badge, and their ratings are on average three tenths of a star higher', code: 'reviews as trust signal', coder: 'lin' },
  { source: 'i06', phrase: 'A shop that ships from China shows "overseas" on the product page, and many buyers filter those out', code: 'country-of-origin doubts', coder: 'demo' },
  { source: 'i06', phrase: 'because they fear long waits and difficult returns', code: 'slow logistics', coder: 'lin' },
  { source: 'i06', phrase: 'we recommend a local return address', code: 'warranty and easy returns', coder: 'demo' },
  { source: 'i06', phrase: 'Putting a phone number or a link to another shop in a chat is a violation', code: 'buyer community', coder: 'lin', memo: 'Platforms forbid moving buyers off-platform; communities grow anyway.' },
  { source: 'i06', phrase: 'the good sellers have their own groups on Zalo or Facebook', code: 'buyer community', coder: 'demo' },
];

/**
 * Axial coding: typed relations between categories, main categories and core categories,
 * each with a memo and the codings that ground it.
 */
export const DEMO_RELATIONS: DemoRelation[] = [
  {
    from: 'trust deficit of the foreign newcomer',
    to: 'substituting for reputation',
    type: 'causal-condition',
    memo: 'Being unknown and foreign is what makes trust a problem at all. Without a known name or reviews, buyers suspect fakes, danger and long waits, and a price war leaves nothing else to go on. Every strategy in the core category starts from this deficit.',
    evidence: [
      { source: 'i01', phrase: 'Buyers in Germany do not know our brand', code: 'buyer suspicion of unknown sellers' },
      { source: 'i04', phrase: 'When a buyer sees a Shenzhen address, they think cheap and dangerous', code: 'country-of-origin doubts' },
      { source: 'i05', phrase: 'There are many fake cosmetics in Vietnam, and people are afraid of "hàng giả", fake goods', code: 'buyer suspicion of unknown sellers' },
    ],
  },
  {
    from: 'signalling trustworthiness',
    to: 'substituting for reputation',
    type: 'strategy',
    memo: 'The first family of strategies makes trustworthiness visible: other people vouch for the product (reviews, creators, live hosts) and the seller guarantees it (certificates, warranties, quick answers).',
    evidence: [
      { source: 'i01', phrase: 'We started sending a small card in every parcel asking for honest feedback', code: 'soliciting feedback' },
      { source: 'i04', phrase: 'we put the CE and UKCA certificates and the lab test report right in the listing images', code: 'compliance certificates' },
      { source: 'i05', phrase: 'we do livestreams on TikTok Shop every evening with a Vietnamese host', code: 'live selling' },
    ],
  },
  {
    from: 'becoming locally present',
    to: 'substituting for reputation',
    type: 'strategy',
    memo: 'The second family of strategies shrinks the distance: writing like a local, delivering from a local warehouse, paying the local way. Buyers treat a seller who feels near like a local shop.',
    evidence: [
      { source: 'i01', phrase: 'We now keep stock in a warehouse near Frankfurt so parcels arrive in two days', code: 'overseas warehouse' },
      { source: 'i05', phrase: 'They answer chats in Vietnamese, with the slang young people use', code: 'localized communication' },
      { source: 'f01', phrase: 'she hires students abroad to answer customer emails', code: 'native-speaking staff' },
    ],
  },
  {
    from: 'platform governance',
    to: 'balancing platform dependence',
    type: 'context',
    memo: 'Dependence is balanced inside a frame the seller does not set: rules, fees and metrics change unilaterally, and missing a threshold costs traffic or the account.',
    evidence: [
      { source: 'l01', phrase: 'Rules on listings, fees and account suspensions are set unilaterally and change frequently', code: 'sudden rule changes' },
      { source: 'i04', phrase: 'Advertising now eats eighteen percent of revenue. Three years ago it was eight', code: 'rising platform fees' },
      { source: 'i06', phrase: 'Below one threshold the shop loses traffic; below another, it gets suspended', code: 'account suspension' },
    ],
  },
  {
    from: 'platform governance',
    to: 'signalling trustworthiness',
    type: 'intervening-condition',
    memo: 'Platform rules decide which trust signals are allowed: paid reviews are removed and penalised, so sellers used to cash-back schemes lose their ratings overnight and must find other signals.',
    evidence: [
      { source: 'i06', phrase: 'Offering a discount or a free gift for a five-star review is against the rules, and we remove those reviews and penalise the shop', code: 'soliciting feedback' },
      { source: 'i06', phrase: 'were shocked when their ratings were wiped', code: 'sudden rule changes' },
    ],
  },
  {
    from: 'building an independent base',
    to: 'balancing platform dependence',
    type: 'strategy',
    memo: 'Sellers reduce dependence without leaving: an own web shop, other channels, a community and a brand that the platform cannot take away.',
    evidence: [
      { source: 'i03', phrase: 'The sophisticated ones spread their risk: their own website, social media shops, sometimes wholesale to local retailers', code: 'channel diversification' },
      { source: 'i04', phrase: 'if Amazon closes our account tomorrow we still exist', code: 'channel diversification' },
      { source: 'i05', phrase: 'But the Zalo group is ours', code: 'buyer community' },
    ],
  },
  {
    from: 'social proof',
    to: 'local fulfilment',
    type: 'consequence',
    memo: 'Better ratings are a consequence of local fulfilment: fast delivery earns forgiving buyers and a “fast delivery” badge, and both show up in the stars.',
    evidence: [
      { source: 'i03', phrase: 'Sellers who use our fulfilment service or their own overseas warehouse get better ratings on average', code: 'reviews as trust signal' },
      { source: 'i06', phrase: 'shops in our fulfilment programme get the "fast delivery" badge, and their ratings are on average three tenths of a star higher', code: 'reviews as trust signal' },
    ],
  },
  {
    from: 'signalling trustworthiness',
    to: 'platform governance',
    type: 'custom',
    customType: 'is captured by',
    memo: 'The trust signals a seller earns on a platform belong to the platform: nine thousand reviews stay on Amazon, and on its own site the seller is a stranger again. This links the two core categories.',
    evidence: [
      { source: 'i04', phrase: 'those reviews stay on Amazon', code: 'reviews as trust signal' },
      { source: 'i04', phrase: 'On our own site we were strangers again', code: 'buyer suspicion of unknown sellers' },
    ],
  },
];

/** Selective coding: the storyline memo, three paragraphs that mention the codes they tie together. */
export const DEMO_STORYLINE: DemoStorylineParagraph[] = [
  [
    'Small cross-border sellers start from a ',
    { mention: 'trust deficit of the foreign newcomer' },
    ': buyers abroad do not know their name, read a Chinese address as cheap or unsafe, and meet them in a market of ',
    { mention: 'price-led competition' },
    ' where listings are copied within weeks. The central process we found is ',
    { mention: 'substituting for reputation' },
    ': sellers assemble stand-ins for the reputation that established brands already hold.',
  ],
  [
    'They do so in two ways. ',
    { mention: 'signalling trustworthiness' },
    ' turns the voices of buyers, creators and live hosts into ',
    { mention: 'social proof' },
    ' and backs the product with certificates, warranties and quick answers. ',
    { mention: 'becoming locally present' },
    ' makes a distant seller feel near: native speakers answer the chats, stock waits in an ',
    { mention: 'overseas warehouse' },
    ', and payment follows local habits. Fast delivery, in turn, shows up as better ratings.',
  ],
  [
    'All of this happens inside ',
    { mention: 'platform governance' },
    ': rules, fees and metrics set unilaterally, which also decide which signals are allowed and keep the reviews a seller earns. The second core category, ',
    { mention: 'balancing platform dependence' },
    ', describes how sellers answer: they meet the platform’s metrics while ',
    { mention: 'building an independent base' },
    ' of own shops, communities and a brand that travels. The two core categories meet where trust becomes portable: a seller whose buyers know the brand, not only the listing, depends less on any single platform.',
  ],
];

/**
 * Labels as the seed numbers them: per level, in DEMO_CODES order (C1…, B1…, A1…, CC1…).
 * @returns code name → label.
 */
export function demoCodeLabels(codes: readonly DemoCode[] = DEMO_CODES, corePrefix?: string): Map<string, string> {
  const prefixes = labelPrefixes(corePrefix);
  const counters: Record<CodeLevel, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  return new Map(codes.map((c) => [c.name, `${prefixes[c.level]}${++counters[c.level]}`]));
}

/** Identifies a DEMO_CODING (or a reference to one) by source, occurrence of the phrase and code. */
export const demoCodingKey = (c: DemoCodingRef): string => JSON.stringify([c.source, c.phrase, c.nth ?? 1, c.code]);

/** A tiptap mention node: the code's id and the text it shows. */
interface MentionNode {
  type: 'mention';
  attrs: { id: string; label: string };
}

/**
 * The storyline as a tiptap document (mentions carry the code id and "<label> <name>") and
 * as plain text (mentions as "@<label> <name>", one line per paragraph).
 * @param codes - code name → id and label.
 * @throws Error naming a mentioned code that is not in `codes`.
 */
export function demoStoryline(
  codes: ReadonlyMap<string, { id: string; label: string }>,
  paragraphs: readonly DemoStorylineParagraph[] = DEMO_STORYLINE,
): { doc: { type: 'doc'; content: Array<{ type: 'paragraph'; content: Array<{ type: 'text'; text: string } | MentionNode> }> }; text: string } {
  const content = paragraphs.map((runs) => ({
    type: 'paragraph' as const,
    content: runs.map((run) => {
      if (typeof run === 'string') return { type: 'text' as const, text: run };
      const code = codes.get(run.mention);
      if (!code) throw new Error(`demo seed: storyline mentions an unknown code: ${run.mention}`);
      return { type: 'mention' as const, attrs: { id: code.id, label: `${code.label} ${run.mention}` } };
    }),
  }));
  const text = content.map((p) => p.content.map((n) => (n.type === 'text' ? n.text : `@${n.attrs.label}`)).join('')).join('\n');
  return { doc: { type: 'doc', content }, text };
}

/** [start, end) in code points of the n-th (1-based) occurrence of `phrase` in `text`. */
export function locate(text: string, phrase: string, nth = 1): { start: number; end: number } {
  let from = -1;
  for (let i = 0; i < nth; i++) {
    from = text.indexOf(phrase, from + 1);
    if (from < 0) throw new Error(`demo seed: phrase not found (${nth}): ${phrase}`);
  }
  const start = [...text.slice(0, from)].length;
  return { start, end: start + [...phrase].length };
}
