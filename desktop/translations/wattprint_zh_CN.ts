<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClassScene</name>
    <message>
        <location filename="../presenter/ourclass.py" line="+28"/>
        <source>Our class</source>
        <translation>我们班</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Class total</source>
        <translation>全班总量</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a folder of share files</source>
        <translation>导入一个存放分享文件的文件夹</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No shares yet</source>
        <translation>还没有分享文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each student runs: wattprint share --week -o NAME.json, and hands the file in.</source>
        <translation>每名学生运行：wattprint share --week -o 姓名.json，然后提交这个文件。</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <source>Put the files in one folder, then press I or Import folder…</source>
        <translation>把文件放进同一个文件夹，然后按 I 键或点击“导入文件夹…”</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>The teacher adds the files in the presenter&apos;s Our class scene.</source>
        <translation>老师在演示的“我们班”页面中导入这些文件。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{students} students, {count} queries this week, between {low} and {high} in all</source>
        <translation>{students} 名学生，本周共 {count} 次查询，总量介于 {low} 和 {high} 之间</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Per student: least {least} · median {median} · most {most}</source>
        <translation>每名学生：最少 {least} · 中位数 {median} · 最多 {most}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{energy} · {count} queries</source>
        <translation>{energy} · {count} 次查询</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n new share(s)</source>
        <translation>
            <numerusform>新增 %n 个分享文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n already imported</source>
        <translation>
            <numerusform>%n 个此前已导入</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>skipped {file}: {error}</source>
        <translation>已跳过 {file}：{error}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder of share files</source>
        <translation>分享文件所在的文件夹</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <location filename="../presenter/__init__.py" line="+56"/>
        <source>&amp;Classroom</source>
        <translation>课堂(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presenter view</source>
        <translation>演示视图(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to &amp;my history</source>
        <translation>返回我的历史记录(&amp;M)</translation>
    </message>
</context>
<context>
    <name>CompareChart</name>
    <message>
        <location filename="../widgets/charts.py" line="+188"/>
        <source>Energy of one of each (Wh, log scale)</source>
        <translation>每项一次的能耗（Wh，对数刻度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comparison chart</source>
        <translation>对比图</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../models/comparemodel.py" line="+27"/>
        <source>What</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web searches</source>
        <translation>相当于网页搜索次数</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../views/compare.py" line="+42"/>
        <source>Service to compare</source>
        <translation>要对比的服务</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (chatbot)</source>
        <translation>{name}（聊天机器人）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{name} (search)</source>
        <translation>{name}（搜索）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model to compare</source>
        <translation>要对比的模型</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Its usual model</source>
        <translation>其常用模型</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with</source>
        <translation>使用</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chosen query&apos;s range</source>
        <translation>所选查询的范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comparison table</source>
        <translation>对比表</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bars show the central estimate; the thin line across a bar spans the low to high estimate. Everyday activities are one figure each. A typical query is a short prompt and a 500-token answer.</source>
        <translation>柱形表示中心估算值；横穿柱形的细线表示从下限到上限的估算范围。日常活动各为一个数值。典型查询指一个简短的提问和一个 500 词元的回答。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Its usual model ({name})</source>
        <translation>其常用模型（{name}）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{what}: {energy}, about {times} times a web search.</source>
        <translation>{what}：{energy}，约为一次网页搜索的 {times} 倍。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what}: {energy}.</source>
        <translation>{what}：{energy}。</translation>
    </message>
</context>
<context>
    <name>DayChart</name>
    <message>
        <location filename="../widgets/charts.py" line="-90"/>
        <location line="+8"/>
        <source>Energy per day (Wh)</source>
        <translation>每日能耗（Wh）</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Energy per day chart</source>
        <translation>每日能耗图</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Energy per month (Wh)</source>
        <translation>每月能耗（Wh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI answers</source>
        <translation>AI 回答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plain searches</source>
        <translation>普通搜索</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>d/M</source>
        <translation>M/d</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../widgets/banner.py" line="+25"/>
        <source>Demo data notice</source>
        <translation>演示数据提示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Demo data.&lt;/b&gt; You are looking at a made-up history, not your own; nothing here is real use.</source>
        <translation>&lt;b&gt;演示数据。&lt;/b&gt;您看到的是虚构的历史记录，不是您自己的；这里没有任何真实使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to my history</source>
        <translation>回到我的历史记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the demo and show my history</source>
        <translation>离开演示，显示我的历史记录</translation>
    </message>
</context>
<context>
    <name>FeedModel</name>
    <message>
        <location filename="../models/feedmodel.py" line="+31"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water</source>
        <translation>用水</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>AI answer on a results page</source>
        <translation>搜索结果页上的 AI 回答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{kind} (reasoning)</source>
        <translation>{kind}（推理）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About as much energy as {what}.</source>
        <translation>能耗大约相当于{what}。</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <location filename="../views/feed.py" line="+38"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+55"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by dates</source>
        <translation>按日期筛选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>From date</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To date</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Service filter</source>
        <translation>服务筛选</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All services</source>
        <translation>所有服务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kind filter</source>
        <translation>类型筛选</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model filter</source>
        <translation>模型筛选</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Search model, service or page</source>
        <translation>搜索模型、服务或网页</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Feed of interactions</source>
        <translation>记录列表</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open detail</source>
        <translation>打开详情</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delete this query…</source>
        <translation>删除这条查询…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Totals of the queries shown</source>
        <translation>所显示查询的合计</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected query</source>
        <translation>删除所选查询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detail…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the selected query&apos;s detail</source>
        <translation>打开所选查询的详情</translation>
    </message>
    <message>
        <location line="-64"/>
        <location line="+119"/>
        <source>All models</source>
        <translation>全部模型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model not named</source>
        <translation>未标明模型</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{count} queries shown: {energy} · {carbon} · {water}</source>
        <translation>显示 {count} 次查询：{energy} · {carbon} · {water}</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Delete this query?</source>
        <translation>删除这条查询？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete {what} from your history? The totals of its day and week will no longer count it.</source>
        <translation>从历史记录中删除 {what}？当天和当周的合计将不再计入它。</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../presenter/export.py" line="+48"/>
        <source>Wattprint in class: {day}</source>
        <translation>Wattprint 课堂讲义：{day}</translation>
    </message>
</context>
<context>
    <name>LiveScene</name>
    <message>
        <location filename="../presenter/live.py" line="+26"/>
        <source>Live: AI use today</source>
        <translation>实时：今天的 AI 使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queries today</source>
        <translation>今天的查询次数</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n queries</source>
        <translation>
            <numerusform>%n 次查询</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{central} of electricity (between {low} and {high})</source>
        <translation>耗电 {central}（介于 {low} 和 {high} 之间）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About as much as {equivalent}</source>
        <translation>大约相当于{equivalent}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>≈ {equivalent}</source>
        <translation>≈ {equivalent}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ask a chatbot something in the browser: each query appears here with its everyday equivalent.</source>
        <translation>在浏览器里向聊天机器人提个问题：每次查询都会连同相当的日常活动显示在这里。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each new query appears at the top as it is stored.</source>
        <translation>每次新的查询保存后都会显示在最上方。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../mainwindow.py" line="+34"/>
        <source>Feed</source>
        <translation>动态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get started</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export history…</source>
        <translation>导出历史记录(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import history…</source>
        <translation>导入历史记录(&amp;I)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try &amp;demo data</source>
        <translation>试用演示数据(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Wattprint</source>
        <translation>关于 Wattprint(&amp;A)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>listening for the browser extension</source>
        <translation>正在等待浏览器扩展的数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not listening</source>
        <translation>未在监听</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>capture paused until {time}</source>
        <translation>记录已暂停至 {time}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yours</source>
        <translation>您的</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History: {name} · {where}</source>
        <translation>历史记录：{name} · {where}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Generating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not generate demo data: {reason}</source>
        <translation>无法生成演示数据：{reason}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing the &apos;{name}&apos; history.</source>
        <translation>正在显示“{name}”历史记录。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About Wattprint</source>
        <translation>关于 Wattprint</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wattprint shows the energy, carbon and water of your everyday AI use. Every figure is an estimate with a range; the sources are listed by &apos;wattprint sources&apos;.</source>
        <translation>Wattprint 显示您日常使用 AI 的能耗、碳排放和用水量。每个数字都是带有范围的估算值；数据来源可通过“wattprint sources”查看。</translation>
    </message>
</context>
<context>
    <name>ModelsScene</name>
    <message>
        <location filename="../presenter/models.py" line="+27"/>
        <source>Small vs large</source>
        <translation>小模型与大模型</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The same question, an answer of about {words} words (↑ ↓ change it):</source>
        <translation>同一个问题，回答约 {words} 个词（↑ ↓ 调整）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{model} *</source>
        <translation>{model} *</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{stars} among {size} models · {energy}</source>
        <translation>{stars}（{size}模型中）· {energy}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stars as in the AI Energy Score: each model is rated against the catalogue&apos;s entries of its size class whose size is published (small, up to 20B parameters: {small}; medium, up to 66B: {medium}; large: {large}), all estimated for this answer. Their range, from the most to the least efficient, is cut into five equal bands; the lowest gets ★★★★★. * size not published (assumed).</source>
        <translation>星级参照 AI Energy Score：每个模型与目录中同一规模级别、已公布规模的条目比较（小型，不超过 200 亿参数：{small} 个；中型，不超过 660 亿：{medium} 个；大型：{large} 个），全部按这一回答估算。从最高效到最低效的范围平均分成五档，能耗最低的一档为 ★★★★★。带 * 的模型未公布规模（为假设值）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>small</source>
        <translation>小型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>medium</source>
        <translation>中型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>large</source>
        <translation>大型</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../presenter/window.py" line="+58"/>
        <source>Wattprint — classroom</source>
        <translation>Wattprint — 课堂</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>{n} / {total} · → next · ← back · ↑ ↓ change the number · Esc leaves</source>
        <translation>{n} / {total} · → 下一页 · ← 上一页 · ↑ ↓ 调整数字 · Esc 退出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} / {total} · → next · ← back · Esc leaves</source>
        <translation>{n} / {total} · → 下一页 · ← 上一页 · Esc 退出</translation>
    </message>
</context>
<context>
    <name>QueryDetail</name>
    <message>
        <location filename="../views/querydetail.py" line="+19"/>
        <source>reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>web search</source>
        <translation>联网搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deep research</source>
        <translation>深度研究</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>canvas</source>
        <translation>画布</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI answer on a results page</source>
        <translation>搜索结果页上的 AI 回答</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from the page&apos;s traffic (the answer&apos;s length as it streamed)</source>
        <translation>来自网页的网络流量（回答流式传输时的长度）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from the page&apos;s text (the answer as it was shown)</source>
        <translation>来自网页的文字（显示出来的回答）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model the page named</source>
        <translation>网页标明的模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+12"/>
        <source>Model assumed</source>
        <translation>估算所用模型</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>none: a plain search runs no language model</source>
        <translation>无：普通搜索不运行语言模型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name}, {size} billion active parameters</source>
        <translation>{name}，{size}B 激活参数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(size undisclosed: a range)</source>
        <translation>（规模未公开：取一个范围）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Modes</source>
        <translation>模式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tokens assumed</source>
        <translation>估算所用词元</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{prompt} in, {context} of earlier turns, {response} out, {reasoning} hidden reasoning</source>
        <translation>输入 {prompt}，之前对话 {context}，输出 {response}，隐藏推理 {reasoning}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>by the browser extension</source>
        <translation>由浏览器扩展记录</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not confirmed by the page: its counts were kept within what the page showed</source>
        <translation>页面未确认：字数已限制在页面显示的范围内</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How it was captured</source>
        <translation>记录方式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Carbon</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Water</source>
        <translation>用水</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>About as much energy as</source>
        <translation>能耗大约相当于</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+3"/>
        <source>Query detail</source>
        <translation>查询详情</translation>
    </message>
</context>
<context>
    <name>RankingScene</name>
    <message>
        <location filename="../presenter/ranking.py" line="+27"/>
        <source>Which uses more?</source>
        <translation>哪个更耗电？</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+45"/>
        <source>Put these in order, from the least electricity to the most.</source>
        <translation>请按耗电量从少到多排序。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{energy} · {times}× a search</source>
        <translation>{energy} · 搜索的 {times} 倍</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>From the least electricity to the most (central estimates; AI figures have wide ranges).</source>
        <translation>按耗电量从少到多排列（中心估算值；AI 的数字范围很宽）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bars on a log scale: each step is ten times more. Orange: AI · blue: search · pink: everyday.</source>
        <translation>柱形使用对数刻度：每一格是前一格的十倍。橙色：AI · 蓝色：搜索 · 粉色：日常活动。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Space or Enter to reveal the answer.</source>
        <translation>按空格键或回车键揭晓答案。</translation>
    </message>
</context>
<context>
    <name>ScaleScene</name>
    <message>
        <location filename="../presenter/scale.py" line="+28"/>
        <source>Scale it up</source>
        <translation>放大规模</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Queries a day each</source>
        <translation>每人每天查询次数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>people ×</source>
        <translation>人 ×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queries a day ×</source>
        <translation>次查询/天 ×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Total energy</source>
        <translation>总能耗</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{people} people, {queries} chatbot queries a day each, for {days} days:</source>
        <translation>{people} 人，每人每天向聊天机器人查询 {queries} 次，持续 {days} 天：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>One typical chatbot answer: {energy} (central estimate). ↑ ↓ change the number of people.</source>
        <translation>聊天机器人的一次典型回答：{energy}（中心估算值）。↑ ↓ 调整人数。</translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <location filename="../models/weekmodel.py" line="+246"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queries</source>
        <translation>查询次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI answers</source>
        <translation>AI 回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Model not named</source>
        <translation>未标明模型</translation>
    </message>
</context>
<context>
    <name>SettingsModel</name>
    <message>
        <location filename="../models/settingsmodel.py" line="+110"/>
        <source>Deleted {count} older interactions.</source>
        <translation>已删除 {count} 条较早的记录。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to delete.</source>
        <translation>没有需要删除的记录。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleted all {count} interactions.</source>
        <translation>已删除全部 {count} 条记录。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Exported {count} interactions to {path}.</source>
        <translation>已将 {count} 条记录导出到 {path}。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Imported {stored} interactions ({duplicate} already there, {bad} unreadable).</source>
        <translation>已导入 {stored} 条记录（{duplicate} 条已存在，{bad} 条无法读取）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not run {program}.</source>
        <translation>无法运行 {program}。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Browsers connected.</source>
        <translation>浏览器已连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;wattprint install-host&apos; failed (status {code}): {output}</source>
        <translation>“wattprint install-host”运行失败（状态 {code}）：{output}</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../views/settings.py" line="+35"/>
        <source>For each query: when it happened, the site (such as ChatGPT or Google), the model and modes the page showed, how many characters the prompt and the answer had (counted per script, never the text itself), how many images, and the estimate made for it. Prompts, answers, page addresses beyond the site, and your identity are never stored or sent anywhere. Everything stays in the folder below.</source>
        <translation>每次查询会记录：发生时间、网站（如 ChatGPT 或 Google）、页面显示的模型和模式、提问和回答的字符数（按文字类型计数，从不保存文本本身）、图片数量，以及为它做出的估算。提问、回答、网站以外的页面地址以及您的身份，都不会被保存或发送到任何地方。所有数据都保存在下面的文件夹中。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not chosen</source>
        <translation>未选择</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data-centre grid</source>
        <translation>数据中心电网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each service&apos;s own data centres</source>
        <translation>各服务自己的数据中心</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show a summary notification once a week</source>
        <translation>每周显示一次总结通知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weekly summary notification</source>
        <translation>每周总结通知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comparisons</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your region:</source>
        <translation>您的地区：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data-centre grid:</source>
        <translation>数据中心电网：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What is stored</source>
        <translation>保存了哪些内容</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep history for days</source>
        <translation>历史记录保留天数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forever</source>
        <translation>永久</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply retention</source>
        <translation>应用保留期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capture status</source>
        <translation>记录状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Pause for an hour</source>
        <translation>暂停一小时</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Pause until tomorrow</source>
        <translation>暂停到明天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume capture</source>
        <translation>继续记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your history</source>
        <translation>您的历史记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep history for:</source>
        <translation>历史记录保留：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data folder:</source>
        <translation>数据文件夹：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Browser connections</source>
        <translation>浏览器连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect browsers (wattprint install-host)</source>
        <translation>连接浏览器（wattprint install-host）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect browsers</source>
        <translation>连接浏览器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browser connection</source>
        <translation>浏览器连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>Export history</source>
        <translation>导出历史记录</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+85"/>
        <source>Import history</source>
        <translation>导入历史记录</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Delete everything…</source>
        <translation>全部删除…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete everything</source>
        <translation>全部删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export, import, delete</source>
        <translation>导出、导入、删除</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Recording</source>
        <translation>正在记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused until {time}</source>
        <translation>已暂停至 {time}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connected.</source>
        <translation>已连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No browser is connected yet: load the extension, then connect the browsers with the button below.</source>
        <translation>尚未连接任何浏览器：请先加载扩展，再用下方按钮连接浏览器。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Running &apos;wattprint install-host&apos;…</source>
        <translation>正在运行“wattprint install-host”…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines 文件 (*.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete everything?</source>
        <translation>全部删除？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete every recorded interaction of this history? This cannot be undone.</source>
        <translation>要删除此历史记录中的所有记录吗？此操作无法撤销。</translation>
    </message>
</context>
<context>
    <name>TrainingScene</name>
    <message>
        <location filename="../presenter/training.py" line="+32"/>
        <source>Training vs use</source>
        <translation>训练与使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Queries a day</source>
        <translation>每天查询次数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Model (year)</source>
        <translation>模型（年份）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training energy</source>
        <translation>训练能耗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That is</source>
        <translation>相当于</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Use equals training after (queries)</source>
        <translation>使用能耗追平训练所需查询（次）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>If one model answered this many queries a day:</source>
        <translation>如果一个模型每天回答这么多次查询：</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+2"/>
        <location line="+5"/>
        <source>{t} t</source>
        <translation>{t} 吨</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>BLOOM in full scope: with idle power and the hardware&apos;s manufacturing.</source>
        <translation>BLOOM 的完整口径：另含空闲功耗和硬件制造。</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Training emissions (t CO₂e)</source>
        <translation>训练排放（吨 CO₂e）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Each query: a typical chatbot answer, {energy}. GPT-4&apos;s figures rest on leaked hardware counts. ↑ ↓ change the queries a day.</source>
        <translation>每次查询：聊天机器人的一次典型回答，{energy}。GPT-4 的数字依据泄露的硬件数量。↑ ↓ 调整每天的查询次数。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Dynamic power only, as in the BLOOM paper&apos;s table (Luccioni et al.); GPT-3&apos;s and BLOOM&apos;s as the AI Index 2023 quotes it.</source>
        <translation>仅计动态功耗，取自 BLOOM 论文的表格（Luccioni 等）；GPT-3 与 BLOOM 的数字为 AI Index 2023 引用该表的数值。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{name} on California&apos;s grid: the article gives {low_kwh}–{high_kwh} kWh and {low_t}–{high_t} t CO₂e, but counts 100 days as 2,600 hours; at 2,400 hours its upper end is {kwh} kWh and {t} t, the figures above.</source>
        <translation>{name}，按加州电网计：原文给出 {low_kwh}–{high_kwh} kWh 和 {low_t}–{high_t} 吨 CO₂e，但把 100 天算成了 2,600 小时；按 2,400 小时计，上限为 {kwh} kWh 和 {t} 吨，即上表所用数字。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{name}, {year}</source>
        <translation>{name}，{year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} ({year})</source>
        <translation>{name}（{year}）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{n} hours ({low}–{high})</source>
        <translation>{n} 小时（{low}–{high}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} days ({low}–{high})</source>
        <translation>{n} 天（{low}–{high}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} years ({low}–{high})</source>
        <translation>{n} 年（{low}–{high}）</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../tray.py" line="+49"/>
        <source>Today: —</source>
        <translation>今天：—</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open Wattprint</source>
        <translation>打开 Wattprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start Wattprint when I log in</source>
        <translation>登录时启动 Wattprint</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Quit Wattprint</source>
        <translation>退出 Wattprint</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not change the autostart entry: {reason}</source>
        <translation>无法更改自动启动项：{reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wattprint is still running</source>
        <translation>Wattprint 仍在运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It keeps counting here in the tray. To leave, choose Quit Wattprint in this icon&apos;s menu.</source>
        <translation>它会在托盘中继续计数。要退出，请在此图标的菜单中选择“退出 Wattprint”。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Today: {count} queries, {energy}</source>
        <translation>今天：{count} 次查询，{energy}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Last week: {count} queries, about {energy} — like {like}</source>
        <translation>上周：{count} 次查询，约 {energy}，相当于{like}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last week: {count} queries, about {energy}</source>
        <translation>上周：{count} 次查询，约 {energy}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your week with AI</source>
        <translation>您这一周的 AI 使用</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../widgets/charts.py" line="+25"/>
        <source>Weekly trend (Wh)</source>
        <translation>每周趋势（Wh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Twelve-week trend chart</source>
        <translation>十二周趋势图</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last {count} weeks (Wh)</source>
        <translation>最近 {count} 周（Wh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>d/M</source>
        <translation>M/d</translation>
    </message>
</context>
<context>
    <name>WeekContent</name>
    <message>
        <location filename="../views/week.py" line="+78"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week shown</source>
        <translation>显示的周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Energy (range)</source>
        <translation>能耗（范围）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Energy this week</source>
        <translation>本周能耗</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon (range)</source>
        <translation>碳排放（范围）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carbon this week</source>
        <translation>本周碳排放</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water (range)</source>
        <translation>用水（范围）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Water this week</source>
        <translation>本周用水</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI answers / plain searches</source>
        <translation>AI 回答 / 普通搜索</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AI answers and searches</source>
        <translation>AI 回答和搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Against last week</source>
        <translation>与上周相比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change from last week</source>
        <translation>与上周相比的变化</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Week in words</source>
        <translation>本周概述</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;a href=&apos;#&apos;&gt;What does a range mean?&lt;/a&gt;</source>
        <translation>&lt;a href=&apos;#&apos;&gt;范围是什么意思？&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>What does a range mean?</source>
        <translation>范围是什么意思？</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Energy per service</source>
        <translation>各服务的能耗</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Energy per model</source>
        <translation>各模型能耗</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>d MMMM</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMMM yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{first} – {last}</source>
        <translation>{first} – {last}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Week of {first} – {last}</source>
        <translation>{first} – {last} 这一周</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{ai} AI · {ai_energy}   /   {searches} searches · {search_energy}</source>
        <translation>AI {ai} 次 · {ai_energy}   /   搜索 {searches} 次 · {search_energy}</translation>
    </message>
</context>
<context>
    <name>WeekView</name>
    <message>
        <location line="-126"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dates…</source>
        <translation>日期…</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>◀ Previous week</source>
        <translation>◀ 上一周</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous week</source>
        <translation>上一周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next week ▶</source>
        <translation>下一周 ▶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next week</source>
        <translation>下一周</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period shown</source>
        <translation>显示的时段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First day shown</source>
        <translation>显示的第一天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last day shown</source>
        <translation>显示的最后一天</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weeks in the trend</source>
        <translation>趋势中的周数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trend: {count} weeks</source>
        <translation>趋势：{count} 周</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../views/welcome.py" line="+98"/>
        <source>Welcome to Wattprint</source>
        <translation>欢迎使用 Wattprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wattprint shows the energy, carbon and water of your everyday AI use, privately, on this computer. Three steps connect it to your browser:</source>
        <translation>Wattprint 在这台电脑上私密地显示您日常使用 AI 所耗的电、碳和水。只需三步即可把它连接到您的浏览器：</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+1"/>
        <source>Try demo data</source>
        <translation>试用演示数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only counts are kept: never the text of your prompts or answers.</source>
        <translation>只保存计数：从不保存您的提问或回答的文本。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo data goes to a separate &apos;demo&apos; profile; your own history stays empty until you connect.</source>
        <translation>演示数据保存在单独的“demo”档案中；在您连接浏览器之前，您自己的历史记录保持为空。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>1. Load the extension into your browser</source>
        <translation>1. 把扩展加载到浏览器中</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Chrome, Chromium, Edge, Brave or Vivaldi&lt;/b&gt;: open &lt;code&gt;chrome://extensions&lt;/code&gt; (Edge: &lt;code&gt;edge://extensions&lt;/code&gt;), turn on &lt;b&gt;Developer mode&lt;/b&gt;, click &lt;b&gt;Load unpacked&lt;/b&gt; and choose this folder:</source>
        <translation>&lt;b&gt;Chrome、Chromium、Edge、Brave 或 Vivaldi&lt;/b&gt;：打开 &lt;code&gt;chrome://extensions&lt;/code&gt;（Edge：&lt;code&gt;edge://extensions&lt;/code&gt;），开启&lt;b&gt;开发者模式&lt;/b&gt;，点击&lt;b&gt;加载已解压的扩展程序&lt;/b&gt;，然后选择这个文件夹：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open the folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the folder&apos;s path</source>
        <translation>复制文件夹路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy chrome://extensions</source>
        <translation>复制 chrome://extensions</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Firefox&lt;/b&gt;: open &lt;code&gt;about:debugging&lt;/code&gt;, click &lt;b&gt;This Firefox&lt;/b&gt;, then &lt;b&gt;Load Temporary Add-on…&lt;/b&gt; and choose this file (Firefox forgets it when it restarts):</source>
        <translation>&lt;b&gt;Firefox&lt;/b&gt;：打开 &lt;code&gt;about:debugging&lt;/code&gt;，点击&lt;b&gt;此 Firefox&lt;/b&gt;，再点击&lt;b&gt;临时载入附加组件…&lt;/b&gt;，然后选择这个文件（Firefox 重启后会忘记它）：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open its folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the file&apos;s path</source>
        <translation>复制文件路径</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy about:debugging</source>
        <translation>复制 about:debugging</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>2. Connect the browsers to this app</source>
        <translation>2. 把浏览器连接到本应用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This lets your browsers start Wattprint&apos;s small host program, which stores each query here (it runs &lt;code&gt;wattprint install-host&lt;/code&gt;; nothing is sent anywhere).</source>
        <translation>这样浏览器就能启动 Wattprint 的小型主机程序，由它把每次查询保存在这台电脑上（它运行 &lt;code&gt;wattprint install-host&lt;/code&gt;；不会向任何地方发送数据）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect the browsers</source>
        <translation>连接浏览器</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>3. Ask a chatbot something</source>
        <translation>3. 向聊天机器人提一个问题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use ChatGPT, Claude, Gemini, Copilot or a search engine as usual. Each query appears here within a second or two.</source>
        <translation>像平常一样使用 ChatGPT、Claude、Gemini、Copilot 或搜索引擎。每次查询会在一两秒内出现在这里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the Feed</source>
        <translation>打开动态</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The extension is ready to load: follow the clicks below.</source>
        <translation>扩展已准备好加载：按下面的步骤点击即可。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The built extension is missing. Fix: in Wattprint&apos;s source folder run &apos;make run&apos; (or &apos;npm --prefix extension run package&apos;), then restart the app.</source>
        <translation>找不到已构建的扩展。解决方法：在 Wattprint 的源代码文件夹中运行“make run”（或“npm --prefix extension run package”），然后重新启动应用。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connected: {browsers}.</source>
        <translation>已连接：{browsers}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{browser}: {problem}. Fix: click Connect the browsers again.</source>
        <translation>{browser}：{problem}。解决方法：再次点击“连接浏览器”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not connected yet.</source>
        <translation>尚未连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for your first query…</source>
        <translation>正在等待您的第一次查询…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{message} Fix: install Chrome, Chromium, Edge, Brave, Vivaldi or Firefox, or run &apos;wattprint install-host --browser chrome&apos; (or firefox) in a terminal.</source>
        <translation>{message} 解决方法：安装 Chrome、Chromium、Edge、Brave、Vivaldi 或 Firefox，或在终端中运行“wattprint install-host --browser chrome”（或 firefox）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your first query arrived: {service}, {energy}.</source>
        <translation>您的第一次查询已到达：{service}，{energy}。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected: your browser sent its first query to Wattprint.</source>
        <translation>已连接：浏览器已把第一次查询发送给 Wattprint。</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <location filename="../format.py" line="+93"/>
        <source>none yesterday by this time ({when}): nothing to compare</source>
        <translation>昨天此时（{when}）之前没有记录，无可对比</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none last week by this time ({when}): nothing to compare</source>
        <translation>上周同一时间（{when}）之前没有记录，无可对比</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing to compare with yesterday</source>
        <translation>没有可与昨天比较的数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to compare with last week</source>
        <translation>上周没有可对比的数据</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <location filename="../report.py" line="+68"/>
        <source>Wattprint report: the week of {start} to {end}</source>
        <translation>Wattprint 报告：{start} 至 {end} 这一周</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Your week with AI: {start} to {end}</source>
        <translation>您这一周的 AI 使用：{start} 至 {end}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} interactions: {ai} answered by an AI, {search} plain searches.</source>
        <translation>共 {count} 条记录：{ai} 条由 AI 回答，{search} 条为普通搜索。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Central</source>
        <translation>中心值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Energy (Wh)</source>
        <translation>能耗（Wh）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carbon (g CO₂e)</source>
        <translation>碳排放（g CO₂e）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Water (mL)</source>
        <translation>用水（mL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per service</source>
        <translation>各服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queries</source>
        <translation>查询次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The week&apos;s charts and totals</source>
        <translation>本周的图表和总量</translation>
    </message>
</context>
</TS>
