/**
 * Passwords that guessing tools try first, refused by the password policy (GB/T 22239-2019
 * 8.1.4.1 a). Written for this project from the kind of list that public breach analyses publish
 * (the most frequent passwords of large leaked sets, Chinese sites among them: digit runs,
 * keyboard walks, pinyin phrases such as woaini / 5201314, dates, `a123456`-style mixes), plus
 * patterns generated below. All lower case; `password-policy.ts` compares case-insensitively and
 * also after stripping leading and trailing digits and symbols and undoing look-alike digits, so
 * `Woaini1314!` and `P@ssw0rd2026` match their roots here.
 */
const LISTED = `
123456 123456789 12345678 1234567890 12345 1234567 111111 000000 123123 666666 888888 654321
123321 112233 121212 123654 147258 159357 159753 111222 123abc 123qwe 1q2w3e 1qaz2wsx 1q2w3e4r
1q2w3e4r5t 1qazxsw2 2wsx3edc qazwsx qazwsxedc qweasd qweasdzxc zaq12wsx zxcvbnm zxcvbn asdfgh
asdfghjkl qwerty qwertyui qwertyuiop qwer1234 1234qwer asdf1234 zxcv1234 qwe123 asd123 zxc123
abc123 abc123456 abcd1234 abcdef abcdefg abcdefgh abc12345 a123456 a12345678 a123456789 a1234567
aa123456 aaa111 aaaaaa aa112233 q123456 qq123456 qq1234567 w123456 z123456 s123456 x123456
123456a 123456aa 123456abc 123456q 123456789a 12345678a 1234567a 123456qq 123456zxc 123456asd
147258369 147852369 159753456 963852741 741852963 789456123 987654321 9876543210 123698745
12344321 1234554321 123456654321 11223344 1122334455 12341234 123123123 123456123 123321123
5201314 1314520 520520 521521 520521 5211314 13145200 1314521 584520 520131 7758521 7758258
woaini woaini1314 woaini520 woaini521 woainima woaiwojia woaiwoma iloveyou iloveu ilovechina
aini1314 aiai1314 loveyou love1314 love520 lovelove woshishui wodemima mima mima123 mimamima
zhongguo china chinese beijing shanghai tianjin chongqing guangzhou shenzhen hangzhou nanjing
wuhan chengdu xian qingdao zibo zhangwei wangwei wangfang liwei lina zhangmin liuyang wangjing
zhangli wangli zhangjie lijie wangyong liyong zhangyong wangqiang liqiang zhanglei wanglei
lilei liuwei wangjun zhangjun lijun wangtao zhangtao litao wanghao zhanghao lihao liuhao
xiaoming xiaohong xiaoli xiaoyu xiaoxiao laoban laopo laogong baobao baobei beibei meimei
gege jiejie didi mama baba yeye nainai tiantian wangwang haha hehe hello hello123 hellokitty
nihao nihao123 ni123456 tamade caonima shabi qiqi xixi lala dada gogogo kaixin xingfu pingan
fuqi jiayou fendou mengxiang yongyuan tiankong taiyang yueliang xingxing huahua xiaohua mingming
dongdong nannan tingting lili pengyou aiqing ganqing huanying dianxin liantong yidong huawei
xiaomi taobao alipay zhifubao weixin wechat tencent baidu sina sohu netease qqqqqq qwerasdf
password password1 password12 password123 passw0rd p@ssword passwd pass pass123 pass1234
admin admin123 admin1234 admin888 administrator root root123 toor system system123 manager
guest test test123 test1234 testtest user user123 login welcome welcome1 welcome123 letmein
changeme default secret superuser super supervisor sysadmin webadmin master master123 oracle
mysql postgres server internet computer network windows google facebook microsoft apple
monkey dragon football baseball basketball soccer hockey golf tennis princess sunshine shadow
superman batman spiderman ironman pokemon naruto starwars michael jordan jennifer jessica
ashley daniel andrew joshua matthew charlie thomas robert william david richard george harley
hunter ranger buster tigger ginger pepper maggie bailey cookie chocolate banana orange apple123
purple yellow silver golden diamond flower freedom trustno1 whatever nothing anything someone
summer winter spring autumn august october november december january february monday friday
lovely loveme iloveyou1 iloveyou2 babygirl angel angels family friends forever jesus blessed
qwerty123 qwerty1 qwerty12 qwerty1234 qwertyu azerty asdasd asdasdasd zxczxc qweqwe qazqaz
1qaz1qaz 1q1q1q 1a2b3c 1a2b3c4d a1b2c3 a1b2c3d4 aaa123 abc abcabc abcd abcde abcdefghi
aaaaaaa aaaaaaaa aaaaaaaaaa asdf asdfg asdfasdf zxcvb qwert qwer asd zxc qwe qaz wsx edc
iloveu2 loveu ilovu woaiwo woaini123 woaini1314520 wobuzhidao wangyi yiyi erer sansan
123456789q 123456789z 12345qwert 12345qwe qwe12345 1234abcd abcd123 abc1234 abcd12345 asd12345
zxc12345 aa12345678 a5201314 q5201314 woaini5201314 1314woaini 520woaini 1234asdf 1qw23e
111111a 666666a 888888a 000000a a111111 a666666 a888888 a000000 qwe111 asd111 zxc111
`;

/** Digit runs, repeats and keyboard walks that a list of words would miss. */
function generated(): string[] {
  const out: string[] = [];
  const digits = '01234567890';
  for (let len = 6; len <= 12; len++) {
    for (let start = 0; start + len <= digits.length; start++) out.push(digits.slice(start, start + len));
    out.push('9876543210'.slice(0, Math.min(len, 10)));
  }
  for (let d = 0; d <= 9; d++) for (let len = 6; len <= 12; len++) out.push(String(d).repeat(len));
  for (const c of 'abcdefghijklmnopqrstuvwxyz') for (let len = 6; len <= 12; len++) out.push(c.repeat(len));
  const walks = [
    'qwertyuiop',
    'asdfghjkl',
    'zxcvbnm',
    '1qaz2wsx3edc4rfv',
    'zaq1xsw2cde3',
    '1q2w3e4r5t6y',
    'qazwsxedcrfv',
  ];
  for (const w of walks) for (let len = 6; len <= w.length; len++) out.push(w.slice(0, len));
  // Years and birth dates people attach to names: 1950-2030 as years and as 8-digit dates of the 1st.
  for (let y = 1950; y <= 2030; y++) {
    out.push(String(y));
    for (let m = 1; m <= 12; m++) out.push(`${y}${String(m).padStart(2, '0')}01`);
  }
  // Short roots with the digit tails seen most often.
  const roots = 'a q qq aa abc qwe asd zxc woaini admin pass love hello test root abcd'.split(' ');
  const tails =
    '123 1234 12345 123456 1234567 12345678 123456789 1234567890 520 521 1314 5201314 666 888 000 111'.split(
      ' ',
    );
  for (const r of roots) for (const t of tails) out.push(r + t, t + r);
  return out;
}

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  ...LISTED.split(/\s+/).filter((w) => w !== ''),
  ...generated(),
]);
