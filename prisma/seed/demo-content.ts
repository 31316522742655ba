/**
 * The demo study's material: interview transcripts, a field note and a literature excerpt
 * about small cross-border e-commerce sellers, and the open coding of them. Written for the
 * demo; any resemblance to real persons is coincidental.
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
}

export interface DemoCoding {
  source: string;
  phrase: string;
  code: string;
  coder: 'demo' | 'lin';
  memo?: string;
  nth?: number;
}

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
];

export const DEMO_CODES: DemoCode[] = [
  { name: 'low margins in OEM work', definition: 'Sellers describe contract manufacturing or trading-company work as unprofitable, motivating direct selling.' },
  { name: 'reviews as trust signal', definition: 'Buyer reviews used to overcome unfamiliarity with the brand.' },
  { name: 'soliciting feedback', definition: 'Active steps to obtain reviews or feedback from buyers.' },
  { name: 'fast complaint handling', definition: 'Responding quickly to complaints or negative reviews.' },
  { name: 'data-driven market choice', definition: 'Choosing markets or products from platform search and sales data.' },
  { name: 'sudden rule changes', definition: 'Platform rules, fees or policies change without the seller’s influence.' },
  { name: 'account suspension', definition: 'The platform suspends or threatens to suspend a seller account.' },
  { name: 'channel diversification', definition: 'Selling through several platforms or an own web shop to spread risk.' },
  { name: 'localized communication', definition: 'Using native-like language and tone with foreign buyers.' },
  { name: 'slow logistics', definition: 'Long delivery times or rising shipping costs hurting sales.' },
  { name: 'overseas warehouse', definition: 'Keeping stock in the destination market for fast delivery.' },
  { name: 'influencer marketing', definition: 'Using social-media creators or real-use videos to build trust.' },
  { name: 'repeat customers', definition: 'Retaining buyers, repurchase rates, customer lists owned by the seller.' },
  { name: 'price undercutting', definition: 'Competing mainly on low price; copying listings.' },
  { name: 'brand building', definition: 'Investing in an own brand rather than anonymous products.' },
];

export const DEMO_CODINGS: DemoCoding[] = [
  { source: 'i01', phrase: 'the margins were terrible', code: 'low margins in OEM work', coder: 'demo' },
  { source: 'i01', phrase: 'Buyers in Germany do not know our brand, so they read every review before they buy', code: 'reviews as trust signal', coder: 'demo', memo: 'Core mechanism: reviews substitute for brand reputation.' },
  { source: 'i01', phrase: 'We started sending a small card in every parcel asking for honest feedback', code: 'soliciting feedback', coder: 'demo' },
  { source: 'i01', phrase: 'we answered every complaint within a day', code: 'fast complaint handling', coder: 'demo' },
  { source: 'i01', phrase: 'Mostly by watching the data. The platform tells you what people search for.', code: 'data-driven market choice', coder: 'lin' },
  { source: 'i01', phrase: 'the platform can also change the rules overnight', code: 'sudden rule changes', coder: 'demo' },
  { source: 'i01', phrase: 'they suspended our account for three weeks because of a packaging label', code: 'account suspension', coder: 'demo', memo: 'Compare with P01 on "account health".' },
  { source: 'i01', phrase: 'they suspended our account for three weeks because of a packaging label. We lost the whole Easter season', code: 'sudden rule changes', coder: 'lin' },
  { source: 'i01', phrase: 'we opened a Shopify store and we sell on Etsy too', code: 'channel diversification', coder: 'demo' },
  { source: 'i01', phrase: 'Buyers trust you more when you write like a local', code: 'localized communication', coder: 'demo' },
  { source: 'i01', phrase: 'Shipping costs went up and delivery times are long', code: 'slow logistics', coder: 'lin' },
  { source: 'i01', phrase: 'A buyer who waits twenty days will not come back', code: 'slow logistics', coder: 'demo' },
  { source: 'i01', phrase: 'We now keep stock in a warehouse near Frankfurt so parcels arrive in two days', code: 'overseas warehouse', coder: 'demo' },
  { source: 'i02', phrase: '信任。我们是新品牌，买家不认识我们', code: 'reviews as trust signal', coder: 'lin', memo: 'Trust problem stated directly; solved with influencers, not reviews.' },
  { source: 'i02', phrase: '请海外的网红试用产品，拍真实的视频', code: 'influencer marketing', coder: 'lin' },
  { source: 'i02', phrase: '平台的政策经常变，上个月广告费涨了百分之三十', code: 'sudden rule changes', coder: 'lin' },
  { source: 'i02', phrase: '一边建自己的独立站，把老客户沉淀下来', code: 'channel diversification', coder: 'lin' },
  { source: 'i02', phrase: '把老客户沉淀下来。🙂 现在复购率大概有百分之二十五', code: 'repeat customers', coder: 'lin' },
  { source: 'i02', phrase: '物流太慢是最大的问题', code: 'slow logistics', coder: 'lin' },
  { source: 'i02', phrase: '所以我们在美国用海外仓，三天就能送到', code: 'overseas warehouse', coder: 'lin' },
  { source: 'i02', phrase: '他们知道当地人说话的方式，回复差评的时候不会让人觉得生硬', code: 'localized communication', coder: 'lin' },
  { source: 'i02', phrase: '回复差评的时候', code: 'fast complaint handling', coder: 'demo' },
  { source: 'i03', phrase: 'they invest in their brand instead of competing only on price', code: 'brand building', coder: 'demo' },
  { source: 'i03', phrase: 'A new seller often starts by undercutting everyone', code: 'price undercutting', coder: 'demo' },
  { source: 'i03', phrase: 'a factory next door copies the listing and sells it cheaper', code: 'price undercutting', coder: 'lin' },
  { source: 'i03', phrase: 'Without a brand or reviews, there is nothing left to protect you', code: 'brand building', coder: 'demo' },
  { source: 'i03', phrase: 'Clear pictures, honest descriptions, fast answers', code: 'fast complaint handling', coder: 'lin' },
  { source: 'i03', phrase: 'Buyers forgive a lot if the parcel arrives quickly', code: 'overseas warehouse', coder: 'demo' },
  { source: 'i03', phrase: 'When we change the fee structure, those sellers panic', code: 'sudden rule changes', coder: 'demo' },
  { source: 'i03', phrase: 'The sophisticated ones spread their risk: their own website, social media shops, sometimes wholesale to local retailers', code: 'channel diversification', coder: 'demo' },
  { source: 'f01', phrase: 'the speaker showed a slide of suspended accounts and the room went quiet', code: 'account suspension', coder: 'lin' },
  { source: 'f01', phrase: 'overseas warehouses are "the only way to compete with local shops"', code: 'overseas warehouse', coder: 'lin' },
  { source: 'f01', phrase: 'she hires students abroad to answer customer emails, because "foreigners can tell when a Chinese company writes"', code: 'localized communication', coder: 'lin' },
  { source: 'l01', phrase: 'Rules on listings, fees and account suspensions are set unilaterally and change frequently', code: 'sudden rule changes', coder: 'demo' },
  { source: 'l01', phrase: 'building independent web shops, diversifying channels', code: 'channel diversification', coder: 'demo' },
  { source: 'l01', phrase: 'cultivating a brand that travels across platforms', code: 'brand building', coder: 'demo' },
  { source: 'l01', phrase: 'Reviews, localized communication and fast delivery act as substitutes for the reputation that established brands already hold', code: 'reviews as trust signal', coder: 'demo' },
];

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
