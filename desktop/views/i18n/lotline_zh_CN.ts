<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActingScreen</name>
    <message>
        <location filename="../acting_screen.py" line="45" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../acting_screen.py" line="50" />
        <source>Nothing was recorded. Press Enter to go on.</source>
        <translation>未记录任何内容。按 Enter 继续。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../first_run_pages.py" line="254" />
        <source>First administrator</source>
        <translation>首位管理员</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="255" />
        <source>The administrator logs in with a password and an authenticator.</source>
        <translation>管理员使用密码和身份验证器登录。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="260" />
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="265" />
        <source>Confirm code</source>
        <translation>确认验证码</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="268" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="269" />
        <source>Printed name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="270" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="271" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="273" />
        <source>Authenticator key (type it in the app)</source>
        <translation>身份验证器密钥（在应用中输入）</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="274" />
        <source>Code the app shows</source>
        <translation>应用显示的验证码</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="292" />
        <source>This database has users already</source>
        <translation>此数据库已有用户</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="293" />
        <source>Log in with one of its administrators after the set-up.</source>
        <translation>设置完成后，请用其中一位管理员登录。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="300" />
        <source>The passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="300" />
        <source>Type the same password twice.</source>
        <translation>请两次输入相同的密码。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="309" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="309" />
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="316" />
        <source>Administrator created</source>
        <translation>已创建管理员</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="323" />
        <source>Add the key to an authenticator app, then type the code it shows.</source>
        <translation>将密钥添加到身份验证器应用，然后输入其显示的验证码。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="336" />
        <source>Code not accepted</source>
        <translation>验证码未被接受</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="336" />
        <source>Type the code shown now.</source>
        <translation>请输入当前显示的验证码。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="343" />
        <source>Authenticator enrolled</source>
        <translation>身份验证器已登记</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="344" />
        <source>%1 logs in with password and code.</source>
        <translation>%1 使用密码和验证码登录。</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../admin.py" line="47" />
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../admin.py" line="48" />
        <source>Stations and devices</source>
        <translation>工位与设备</translation>
    </message>
    <message>
        <location filename="../admin.py" line="50" />
        <source>Calibration and qualifications</source>
        <translation>校准与资质</translation>
    </message>
    <message>
        <location filename="../admin.py" line="56" />
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../admin.py" line="62" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../admin.py" line="63" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="64" />
        <location filename="../admin.py" line="82" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../admin.py" line="65" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../admin.py" line="66" />
        <location filename="../admin.py" line="81" />
        <source>Printed name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../admin.py" line="77" />
        <source>Reason (required to unlock or disable)</source>
        <translation>原因（解锁或停用时必填）</translation>
    </message>
    <message>
        <location filename="../admin.py" line="80" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../admin.py" line="83" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../admin.py" line="84" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../admin.py" line="85" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../admin.py" line="88" />
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="91" />
        <source>Unlock selected</source>
        <translation>解锁所选</translation>
    </message>
    <message>
        <location filename="../admin.py" line="92" />
        <source>Disable selected</source>
        <translation>停用所选</translation>
    </message>
    <message>
        <location filename="../admin.py" line="127" />
        <source>User added</source>
        <translation>已添加用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="135" />
        <source>No user selected</source>
        <translation>未选择用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="135" />
        <source>Select a user in the list.</source>
        <translation>请在列表中选择一个用户。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="142" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../admin.py" line="149" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../admin.py" line="150" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../admin.py" line="151" />
        <location filename="../admin.py" line="157" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../admin.py" line="152" />
        <location filename="../admin.py" line="156" />
        <location filename="../admin.py" line="157" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../admin.py" line="153" />
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../admin.py" line="156" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../admin.py" line="156" />
        <source>Hardware id</source>
        <translation>硬件 ID</translation>
    </message>
    <message>
        <location filename="../admin.py" line="157" />
        <source>Identity</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../admin.py" line="158" />
        <source>List serial ports</source>
        <translation>列出串口</translation>
    </message>
    <message>
        <location filename="../admin.py" line="158" />
        <source>Auto-detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../admin.py" line="161" />
        <source>Read a weight</source>
        <translation>读取重量</translation>
    </message>
    <message>
        <location filename="../admin.py" line="162" />
        <source>Print a test label</source>
        <translation>打印测试标签</translation>
    </message>
    <message>
        <location filename="../admin.py" line="163" />
        <source>Wait for a test scan</source>
        <translation>等待测试扫描</translation>
    </message>
    <message>
        <location filename="../admin.py" line="169" />
        <source>Registered stations and devices</source>
        <translation>已登记的工位与设备</translation>
    </message>
    <message>
        <location filename="../admin.py" line="171" />
        <source>Serial ports of this computer</source>
        <translation>本机串口</translation>
    </message>
    <message>
        <location filename="../admin.py" line="193" />
        <source>Auto-detect finished</source>
        <translation>自动检测完成</translation>
    </message>
    <message>
        <location filename="../admin.py" line="194" />
        <source>%1 device(s) answered.</source>
        <translation>%1 台设备有响应。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="201" />
        <source>Scale reading</source>
        <translation>秤读数</translation>
    </message>
    <message>
        <location filename="../admin.py" line="206" />
        <source>No reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <location filename="../admin.py" line="207" />
        <source>The scale has sent nothing yet.</source>
        <translation>秤尚未发送任何数据。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="208" />
        <source>Check the scale's cable, port and baud rate.</source>
        <translation>请检查秤的线缆、端口和波特率。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="215" />
        <source>No label printer</source>
        <translation>无标签打印机</translation>
    </message>
    <message>
        <location filename="../admin.py" line="216" />
        <source>This station has no label printer configured.</source>
        <translation>本工位未配置标签打印机。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="217" />
        <source>Add [devices.printer] to the station file.</source>
        <translation>请在工位配置文件中添加 [devices.printer]。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="224" />
        <source>Test label</source>
        <translation>测试标签</translation>
    </message>
    <message>
        <location filename="../admin.py" line="230" />
        <source>Scan any barcode now…</source>
        <translation>请现在扫描任意条码…</translation>
    </message>
    <message>
        <location filename="../admin.py" line="236" />
        <source>no AIM identifier</source>
        <translation>无 AIM 标识符</translation>
    </message>
    <message>
        <location filename="../admin.py" line="237" />
        <source>Scanner works</source>
        <translation>扫描枪正常</translation>
    </message>
    <message>
        <location filename="../admin.py" line="252" />
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../admin.py" line="254" />
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../admin.py" line="256" />
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../admin.py" line="290" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../admin.py" line="290" />
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../dashboard_chart.py" line="118" />
        <source>plan %1 per hour</source>
        <extracomment>A bar that needs nobody: quiet grey. One that does: the theme's abnormal red, with a ⚠. Panels drawn as charts: vertical bars (hours, with the plan's rate), or horizontal bars with their labels inside (steps and lots; first-pass yield against its goal). Panels whose figures are shares in per cent. Panels whose figures are counts (shown as a number); the others are ages or states in words. Hour bars with a tick each up to this many; beyond, every few hours. Bars with their value written above them up to this many.</extracomment>
        <translation>计划每小时 %1</translation>
    </message>
</context>
<context>
    <name>CampaignPanel</name>
    <message>
        <location filename="../recall_parts.py" line="140" />
        <location filename="../recall_parts.py" line="248" />
        <source>No recall chosen</source>
        <translation>未选择召回</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="144" />
        <source>Scope known in</source>
        <translation>范围确定用时</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="145" />
        <source>Units in scope</source>
        <translation>范围内单件</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="146" />
        <source>Customers notified</source>
        <translation>已通知客户</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="147" />
        <location filename="../recall_parts.py" line="162" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="148" />
        <source>Dispositioned</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="154" />
        <source>Scope to CSV…</source>
        <translation>范围导出 CSV…</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="158" />
        <source>Unit or lot</source>
        <translation>单件或批次</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="159" />
        <source>State at scope</source>
        <translation>确定范围时的状态</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="160" />
        <source>Customer · site</source>
        <translation>客户 · 地点</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="161" />
        <location filename="../recall_parts.py" line="172" />
        <source>Notified</source>
        <translation>已通知</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="163" />
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="168" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="169" />
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="170" />
        <source>GLN</source>
        <translation>GLN</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="171" />
        <source>Units</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="176" />
        <source>Affected units</source>
        <translation>受影响单件</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="177" />
        <source>Customers and sites to notify</source>
        <translation>需通知的客户和地点</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="199" />
        <source>who was told (the customer chosen above)</source>
        <translation>被通知人（上方所选客户）</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="200" />
        <source>how: phone, e-mail, letter, visit</source>
        <translation>方式：电话、电子邮件、信函、拜访</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="201" />
        <source>Customer notified</source>
        <translation>客户已通知</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="207" />
        <source>what was done (the reason)</source>
        <translation>所做处理（原因）</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="211" />
        <source>Close recall…</source>
        <translation>关闭召回…</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="216" />
        <source>A scan records</source>
        <translation>扫描记录</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="217" />
        <source>Disposition of the next units scanned</source>
        <translation>接下来扫描单件的处置</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="249" />
        <source>Open a recall (F2) or choose one in the list (Enter).</source>
        <translation>启动召回（F2），或在列表中选择一个（Enter）。</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="255" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="305" />
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="310" />
        <source>%1 of %2 rows</source>
        <translation>已写 %1 / %2 行</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="282" />
        <source>Listing units…</source>
        <translation>正在列出单件…</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="292" />
        <source>All units listed</source>
        <translation>全部单件已列出</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="299" />
        <source>%1 of %2 units listed</source>
        <translation>已列出 %1 / %2 个单件</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="305" />
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="315" />
        <source>%1 · opened %2 by %3</source>
        <translation>%1 · %2 由 %3 启动</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="321" />
        <source>closed after %1, signed %2 (%3) %4</source>
        <translation>启动后 %1 关闭，签名：%2（%3）%4</translation>
    </message>
</context>
<context>
    <name>CampaignsPanel</name>
    <message>
        <location filename="../recall_parts.py" line="77" />
        <source>New recall</source>
        <extracomment>How many affected units the screen asks for at once: page after page until all are listed.</extracomment>
        <translation>新建召回</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="79" />
        <source>why: e.g. capacitor C12 out of specification</source>
        <translation>原因：例如电容 C12 超出规格</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="81" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="80" />
        <source>scan or type the lot or serial, then Enter</source>
        <translation>扫描或输入批次或序列号，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="83" />
        <source>Bad lot or serial</source>
        <translation>问题批次或序列号</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="85" />
        <source>Open recall</source>
        <translation>启动召回</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="87" />
        <source>Recall</source>
        <translation>召回单</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="87" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="87" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="87" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../recall_parts.py" line="92" />
        <source>Recalls (open first)</source>
        <translation>召回（未关闭的在前）</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../packaging_actions.py" line="118" />
        <source>Case is %1</source>
        <translation>箱状态：%1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="119" />
        <source>%1 is %2: nothing more is packed into it.</source>
        <translation>%1 状态为 %2：不能再装入。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="122" />
        <source>Scan an open case, or F7 for a new one.</source>
        <translation>请扫描未封的箱，或按 F7 新建箱。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="125" />
        <source>Open case: %1</source>
        <translation>当前箱：%1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="133" />
        <source>New case: SSCC %1</source>
        <translation>新箱：SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="145" />
        <source>Case closed: SSCC %1</source>
        <translation>已封箱：SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="179" />
        <source>The case is full: close it (F8).</source>
        <translation>箱已满：请封箱（F8）。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="180" />
        <source>Packed: %1</source>
        <translation>已装箱：%1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="186" />
        <source>No open case</source>
        <translation>无当前箱</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="187" />
        <source>Packing needs an open case.</source>
        <translation>装箱需要一个未封的当前箱。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="188" />
        <source>Scan a case label, or press F7 for a new case.</source>
        <translation>请扫描箱标签，或按 F7 新建箱。</translation>
    </message>
</context>
<context>
    <name>CaseBox</name>
    <message>
        <location filename="../packaging_parts.py" line="158" />
        <source>Open case</source>
        <translation>当前箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="166" />
        <source>fill the case</source>
        <translation>装满此箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="167" />
        <source>Kits of a lot to pack with one scan</source>
        <translation>扫描一次装入的本批次套件数</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="173" />
        <source>Kits per scan</source>
        <translation>每次扫描套件数</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="178" />
        <source>No open case</source>
        <translation>无当前箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="179" />
        <source>Scan a case label, or F7 for a new case</source>
        <translation>扫描箱标签，或按 F7 新建箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="183" />
        <source>SSCC %1</source>
        <translation>SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="186" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="188" />
        <source>■ %1</source>
        <translation>■ %1</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <location filename="../conflicts.py" line="51" />
        <source>Conflicts after an outage</source>
        <extracomment>The key of this screen in the window's navigation (not a station kind: it opens beside the supervisor's own station screens). The decisions in the order they are offered.</extracomment>
        <translation>断线后的冲突</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="54" />
        <source>Show decided ones too</source>
        <translation>同时显示已裁定的</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="58" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="59" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="60" />
        <source>Captured at</source>
        <translation>采集时间</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="61" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="62" />
        <source>Step</source>
        <translation>工序</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="63" />
        <source>Scans</source>
        <translation>扫描内容</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="64" />
        <source>Why refused</source>
        <translation>拒绝原因</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="65" />
        <location filename="../conflicts.py" line="95" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="87" />
        <source>Conflicts</source>
        <translation>离线冲突</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="102" />
        <source>Redo: do the step again at the station</source>
        <translation>重做：在工位重新执行该工序</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="103" />
        <source>Void: it did not happen as captured</source>
        <translation>作废：实际未按采集内容发生</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="104" />
        <source>Recorded: it is in the record now</source>
        <translation>已记录：该工序现已在记录中</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="116" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="119" />
        <source>Why this decision</source>
        <translation>作出此裁定的原因</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="123" />
        <source>Decide</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="161" />
        <source>Unit %1 — conflicts: %2. Scan another unit, or press Esc for all.</source>
        <translation>单件 %1 — 冲突：%2 个。扫描其他单件，或按 Esc 显示全部。</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="164" />
        <source>Conflicts: %1. Scan a unit's serial to see only its conflicts.</source>
        <translation>冲突：%1 个。扫描单件序列号，只显示该单件的冲突。</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="176" />
        <source>Pick a conflict in the list.</source>
        <translation>请在列表中选择一个冲突。</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="220" />
        <source>Conflict %1 decided: %2</source>
        <translation>冲突 %1 已裁定：%2</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="228" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../conflicts.py" line="228" />
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>CurrentPanel</name>
    <message>
        <location filename="../shipping_parts.py" line="82" />
        <location filename="../shipping_parts.py" line="140" />
        <source>No shipment open</source>
        <translation>没有打开的发货单</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="87" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="88" />
        <source>SSCC</source>
        <translation>SSCC</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="89" />
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="90" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="91" />
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="92" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="95" />
        <source>Take off</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="96" />
        <source>Delivery note (PDF)</source>
        <translation>送货单（PDF）</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="97" />
        <source>Confirm shipped</source>
        <translation>确认发货</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="104" />
        <source>name as signed on the delivery note</source>
        <translation>送货单上的签收人姓名</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="108" />
        <source>Record proof of delivery</source>
        <translation>登记签收</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="109" />
        <source>Proof of delivery</source>
        <translation>签收证明</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="112" />
        <source>Signed for by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="114" />
        <source>Delivered at (local time)</source>
        <translation>送达时间（本地时间）</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="145" />
        <source>Shipment %1 · %2 · %3</source>
        <translation>发货单 %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="154" />
        <source>Delivered %1, signed for by %2</source>
        <translation>%1 送达，签收人 %2</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="160" />
        <source>Shipped %1: record the proof of delivery when it comes back</source>
        <translation>%1 已发货：签收单返回后请登记签收</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="172" />
        <source>%1 scanned · %2 cases and pallets · %3 units</source>
        <translation>已扫描 %1 · 箱和托盘 %2 · 单件 %3</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../dashboard.py" line="122" />
        <source>Dashboard</source>
        <extracomment>How often the panels are read again while the dashboard is shown. The windows offered (hours) and their keys; the default is the service's. Where each panel sits: (panel, row, column, rows spanned, columns spanned). Four columns: the charts on top, the first-pass yield (a bar per step and per lot) large on the right; the records behind the chosen figure in the last two cells. The rows' shares of the height: the charts' row the largest. The panels' least height (mm) on a wide window (from WIDE pixels) and on a narrower one.</extracomment>
        <translation>看板</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="132" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="138" />
        <source>Counted over the last</source>
        <translation>统计范围：最近</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="190" />
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="191" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="211" />
        <source>Reading the figures…</source>
        <translation>正在读取数据…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="225" />
        <source>Figures of %1, over the last %2; read again every 30 s and on F5</source>
        <translation>%1 的数据，统计最近 %2；每 30 秒及按 F5 时刷新</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="243" />
        <source>The figures could not be read: %1</source>
        <translation>无法读取数据：%1</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="246" />
        <source>The figures could not be read again: %1. Those shown are of %2.</source>
        <translation>无法刷新数据：%1。当前显示的是 %2 的数据。</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="265" />
        <source>Reading the records behind %1…</source>
        <translation>正在读取 %1 背后的记录…</translation>
    </message>
    <message>
        <location filename="../dashboard.py" line="286" />
        <source>The records behind %1 could not be read: %2</source>
        <translation>无法读取 %1 背后的记录：%2</translation>
    </message>
</context>
<context>
    <name>DatabaseLight</name>
    <message>
        <location filename="../database_light.py" line="93" />
        <source>connected</source>
        <extracomment>The light changed state ("ok", "retrying", "offline"), on the GUI thread: the screens hear it (the operator screen sends its journal when the database is back).</extracomment>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../database_light.py" line="94" />
        <source>retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <location filename="../database_light.py" line="95" />
        <source>OFFLINE since {time}</source>
        <translation>离线（自 {time} 起）</translation>
    </message>
</context>
<context>
    <name>DatabasePage</name>
    <message>
        <location filename="../first_run_pages.py" line="73" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="75" />
        <source>One station alone: the embedded database. Several stations: a shared one.</source>
        <translation>单个工位：使用内置数据库。多个工位：使用共享数据库。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="77" />
        <source>Embedded database on this computer</source>
        <translation>本机内置数据库</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="78" />
        <source>Shared PostgreSQL database</source>
        <translation>共享 PostgreSQL 数据库</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="83" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="103" />
        <source>Testing the connection…</source>
        <translation>正在测试连接…</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="109" />
        <source>Connection works: a new, empty database</source>
        <translation>连接正常：新的空数据库</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="110" />
        <source>Connection works: this version's database</source>
        <translation>连接正常：本版本的数据库</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="111" />
        <source>Connection works: an older database, upgraded at start</source>
        <translation>连接正常：旧版本数据库，启动时升级</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="112" />
        <source>The URL is wrong</source>
        <translation>URL 有误</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="113" />
        <source>Host unreachable</source>
        <translation>无法连接主机</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="114" />
        <source>Wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="115" />
        <source>Unknown database user</source>
        <translation>数据库用户不存在</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="116" />
        <source>Database missing</source>
        <translation>数据库不存在</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="117" />
        <source>Database schema newer than this program</source>
        <translation>数据库结构比本程序新</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="118" />
        <source>The server refused the connection</source>
        <translation>服务器拒绝了连接</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="123" />
        <source>Correct it and test again.</source>
        <translation>请更正后重新测试。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="136" />
        <source>Cannot use this database</source>
        <translation>无法使用此数据库</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <location filename="../first_run_pages.py" line="145" />
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="147" />
        <source>Pick each device's port (sim: the built-in simulator), then test it.</source>
        <translation>为每台设备选择端口（sim：内置模拟器），然后测试。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="152" />
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="153" />
        <source>Scale</source>
        <translation>秤</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="154" />
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="161" />
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="168" />
        <location filename="../first_run_pages.py" line="169" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="168" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="168" />
        <source>Hardware id</source>
        <translation>硬件 ID</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="169" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="169" />
        <source>Identity</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="170" />
        <source>List serial ports</source>
        <translation>列出串口</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="171" />
        <source>Auto-detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="185" />
        <source>Not accepted</source>
        <translation>不被接受</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="202" />
        <source>%1 serial port(s) on this computer.</source>
        <translation>本机有 %1 个串口。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="209" />
        <source>Asking every port…</source>
        <translation>正在询问每个端口…</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="217" />
        <source>Auto-detect finished</source>
        <translation>自动检测完成</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="218" />
        <source>%1 device(s) answered.</source>
        <translation>%1 台设备有响应。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="225" />
        <source>Simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="225" />
        <source>The built-in simulator answers for this device.</source>
        <translation>由内置模拟器代替此设备应答。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="230" />
        <source>After log-in, the admin screen's "Wait for a test scan" shows a scan.</source>
        <translation>登录后，在管理界面点“等待测试扫描”即可看到扫描结果。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="234" />
        <source>Asking %1…</source>
        <translation>正在询问 %1…</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="240" />
        <source>No answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="241" />
        <source>Nothing answered on %1.</source>
        <translation>%1 上没有设备应答。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="242" />
        <source>Check the cable, the port and the baud rate (9600).</source>
        <translation>请检查线缆、端口和波特率（9600）。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="245" />
        <source>Device answered</source>
        <translation>设备已应答</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="31" />
        <source>Set up this Lotline station</source>
        <translation>设置本 Lotline 工位</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="41" />
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="42" />
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="43" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="44" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="47" />
        <source>Run the demo instead</source>
        <translation>改为运行演示</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="101" />
        <source>Station file not written</source>
        <translation>未写入工位文件</translation>
    </message>
</context>
<context>
    <name>FitnessTab</name>
    <message>
        <location filename="../admin_fitness.py" line="73" />
        <source>Station</source>
        <extracomment>Calls a use case with the logged-in context: run(fn, *args, done=...) (AdminScreen._run).</extracomment>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="74" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="75" />
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="76" />
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="77" />
        <location filename="../admin_fitness.py" line="104" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="81" />
        <location filename="../admin_fitness.py" line="174" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="81" />
        <location filename="../admin_fitness.py" line="175" />
        <source>Qualification</source>
        <translation>资质</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="81" />
        <location filename="../admin_fitness.py" line="176" />
        <source>Valid through</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="81" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="84" />
        <source>Device calibration</source>
        <translation>设备校准</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="87" />
        <source>Qualifications</source>
        <translation>人员资质</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="94" />
        <source>e.g. CAL-2026-0042</source>
        <translation>例如 CAL-2026-0042</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="101" />
        <source>Record calibration of the selected device</source>
        <translation>记录所选设备的校准</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="106" />
        <source>Calibrated on</source>
        <translation>校准日期</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="107" />
        <source>Next due</source>
        <translation>下次到期</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="109" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="116" />
        <source>No device selected</source>
        <translation>未选择设备</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="116" />
        <source>Select a device in the list.</source>
        <translation>请在列表中选择设备。</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="129" />
        <source>Calibration recorded</source>
        <translation>校准已记录</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="130" />
        <source>%1 · certificate %2 · due %3</source>
        <translation>%1 · 证书 %2 · 到期 %3</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="158" />
        <source>user name, e.g. olga</source>
        <translation>用户名，例如 olga</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="159" />
        <source>e.g. "final weighing"</source>
        <translation>例如“final weighing”</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="161" />
        <location filename="../admin_fitness.py" line="192" />
        <location filename="../admin_fitness.py" line="221" />
        <source>no expiry</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="167" />
        <source>Reason (to revoke)</source>
        <translation>原因（撤销时必填）</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="168" />
        <source>Grant or renew</source>
        <translation>授予或续期</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="170" />
        <source>Revoke selected</source>
        <translation>撤销所选资质</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="190" />
        <source>Qualification granted</source>
        <translation>资质已授予</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="199" />
        <source>No qualification selected</source>
        <translation>未选择资质</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="199" />
        <source>Select one in the list.</source>
        <translation>请在列表中选择一项。</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="207" />
        <source>Qualification revoked</source>
        <translation>资质已撤销</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="216" />
        <source>revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="218" />
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../admin_fitness.py" line="220" />
        <source>valid</source>
        <translation>有效</translation>
    </message>
</context>
<context>
    <name>HoldsTab</name>
    <message>
        <location filename="../qc_tabs.py" line="243" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="244" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="245" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="246" />
        <source>Placed</source>
        <translation>冻结记录</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="247" />
        <source>Released</source>
        <translation>解除记录</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="251" />
        <source>Reason for placing or releasing the hold</source>
        <translation>冻结或解除冻结的原因</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="253" />
        <source>NCR (optional)</source>
        <translation>NCR（可选）</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="255" />
        <source>Scan a unit or lot first.</source>
        <translation>请先扫描单件或批次。</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="256" />
        <source>Place hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="257" />
        <source>Release hold</source>
        <translation>解除冻结</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="273" />
        <source>F10 and F11 act on %1. Holds of the lot:</source>
        <translation>F10 和 F11 作用于 %1。本批次的冻结：</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="279" />
        <source>✖ ON HOLD</source>
        <translation>✖ 冻结中</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="279" />
        <source>released</source>
        <translation>已解除</translation>
    </message>
</context>
<context>
    <name>InspectTab</name>
    <message>
        <location filename="../receiving_parts.py" line="209" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="209" />
        <source>Part</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="209" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="209" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="210" />
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="212" />
        <location filename="../receiving_parts.py" line="281" />
        <source>Scan a lot, or choose it in the list</source>
        <translation>扫描批次，或在列表中选择</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="219" />
        <source>Characteristic</source>
        <translation>检验特性</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="219" />
        <source>Limits</source>
        <translation>限值</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="219" />
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="219" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="224" />
        <source>Incoming inspection plan: type each reading</source>
        <translation>来料检验计划：逐项输入读数</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="225" />
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="225" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="225" />
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="226" />
        <source>Pieces (scan a piece's serial to select it)</source>
        <translation>单件（扫描序列号以选择）</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="228" />
        <source>What was checked; what was wrong</source>
        <translation>检查了什么；有什么问题</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="229" />
        <source>Accept</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="230" />
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="231" />
        <source>Release (sign)</source>
        <translation>放行（签名）</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="232" />
        <source>Reject lot</source>
        <translation>拒收批次</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="239" />
        <source>In quarantine (Enter selects)</source>
        <translation>隔离中（Enter 选择）</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="254" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="287" />
        <source>Lot %1 · %2</source>
        <translation>批次 %1 · %2</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="289" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="291" />
        <source>%1 from %2 · %3 · expiry %4</source>
        <translation>%1，供应商 %2 · %3 · 有效期 %4</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="300" />
        <source>Certificate %1 (SHA-256 %2…)</source>
        <translation>证书 %1（SHA-256 %2…）</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="305" />
        <source>No certificate attached</source>
        <translation>未附证书</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="352" />
        <source>○ not inspected</source>
        <translation>○ 未检验</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="354" />
        <source>✔ accepted</source>
        <translation>✔ 合格</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="356" />
        <source>✖ failed: %1</source>
        <translation>✖ 不合格：%1</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <location filename="../qc_tabs.py" line="178" />
        <source>Scan a unit or lot first.</source>
        <translation>请先扫描单件或批次。</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="183" />
        <source>Type the reading, then Enter</source>
        <translation>输入读数，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="185" />
        <source>Record reading</source>
        <translation>记录读数</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="187" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="187" />
        <location filename="../qc_tabs.py" line="192" />
        <source>Characteristic</source>
        <translation>检验特性</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="187" />
        <location filename="../qc_tabs.py" line="194" />
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="187" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="214" />
        <source>%1 – %2 %3</source>
        <translation>%1 – %2 %3</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <location filename="../packaging_actions.py" line="36" />
        <source>Nothing to reprint</source>
        <translation>没有可补打的标签</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="37" />
        <source>Reprint needs an item whose label was printed, and a printer.</source>
        <translation>补打需要一个已打印过标签的物品和一台打印机。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="38" />
        <source>Scan the unit (or select it in the queue) first.</source>
        <translation>请先扫描单件（或在队列中选择）。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="55" />
        <source>Reprint of the label of %1</source>
        <translation>补打 %1 的标签</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="60" />
        <source>Why reprint</source>
        <translation>补打原因</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="61" />
        <source>A supervisor signs: the supervisor's user name and password.</source>
        <translation>由主管签名：输入主管的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="72" />
        <source>No lot</source>
        <translation>无批次</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="73" />
        <source>Reconciliation is per lot.</source>
        <translation>标签对账按批次进行。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="74" />
        <source>Scan a unit or the lot first.</source>
        <translation>请先扫描单件或批次。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="94" />
        <source>Labels of lot %1 reconciled</source>
        <translation>批次 %1 的标签已对账</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="95" />
        <source>%1 issued = %2 applied + %3 destroyed + %4 returned (%5 reprints, %6 voided)</source>
        <translation>发放 %1 = 已贴 %2 + 销毁 %3 + 退回 %4（补打 %5，作废 %6）</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../login.py" line="18" />
        <source>Log in to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <location filename="../login.py" line="20" />
        <source>Scan your badge</source>
        <translation>扫描您的工牌</translation>
    </message>
    <message>
        <location filename="../login.py" line="21" />
        <location filename="../login.py" line="60" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../login.py" line="22" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../login.py" line="23" />
        <location filename="../login.py" line="69" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="24" />
        <source>Authenticator code (if asked)</source>
        <translation>动态验证码（如要求）</translation>
    </message>
    <message>
        <location filename="../login.py" line="27" />
        <source>Log in with badge</source>
        <translation>工牌登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="28" />
        <source>Log in with password</source>
        <translation>密码登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="59" />
        <location filename="../login.py" line="60" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../login.py" line="68" />
        <source>User name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="69" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../login.py" line="75" />
        <source>Authenticator code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <location filename="../login.py" line="86" />
        <source>Scan your badge, then type your PIN.</source>
        <translation>请扫描工牌，然后输入 PIN。</translation>
    </message>
    <message>
        <location filename="../login.py" line="97" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="97" />
        <source>Check your badge, PIN or password.</source>
        <translation>请检查工牌、PIN 或密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../shell.py" line="98" />
        <source>Lotline — %1</source>
        <translation>Lotline — %1</translation>
    </message>
    <message>
        <location filename="../shell.py" line="106" />
        <source>SIMULATION — simulated devices; nothing recorded here is production data</source>
        <translation>模拟 — 设备为模拟设备；此处记录的任何内容都不是生产数据</translation>
    </message>
    <message>
        <location filename="../shell.py" line="140" />
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../shell.py" line="141" />
        <source>Scale</source>
        <translation>秤</translation>
    </message>
    <message>
        <location filename="../shell.py" line="142" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../shell.py" line="145" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../shell.py" line="146" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../shell.py" line="151" />
        <source>Logged out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../shell.py" line="169" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../shell.py" line="170" />
        <source>error</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../shell.py" line="171" />
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../shell.py" line="172" />
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../shell.py" line="183" />
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../shell.py" line="215" />
        <source>Logged out: choose your password to go on.</source>
        <translation>已登出：请设置您自己的密码后继续。</translation>
    </message>
    <message>
        <location filename="../shell.py" line="243" />
        <source>Logged in as %1.</source>
        <translation>已登录：%1。</translation>
    </message>
    <message>
        <location filename="../shell.py" line="286" />
        <source>Locked after %1 minutes without input.</source>
        <translation>%1 分钟无操作，已锁定。</translation>
    </message>
    <message>
        <location filename="../shell.py" line="328" />
        <source>HIBC product code %1 read: now scan the second symbol of the same label (lot or serial).</source>
        <translation>已读取 HIBC 产品代码 %1：请扫描同一标签上的第二个条码（批次或序列号）。</translation>
    </message>
</context>
<context>
    <name>NcrTab</name>
    <message>
        <location filename="../qc_tabs.py" line="98" />
        <source>NCR</source>
        <translation>NCR</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="99" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="100" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="101" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="102" />
        <source>Disposition and signature</source>
        <translation>处置与签名</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="110" />
        <source>where it stopped</source>
        <translation>中断处</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="112" />
        <source>Closing note: what was done</source>
        <translation>关闭说明：已采取的措施</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="114" />
        <source>What is wrong with the scanned item</source>
        <translation>所扫物品有什么问题</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="115" />
        <source>Disposition…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="116" />
        <source>Close NCR</source>
        <translation>关闭 NCR</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="117" />
        <source>Open NCR</source>
        <translation>开立 NCR</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="123" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="125" />
        <source>Rework from step</source>
        <translation>返工起始工序</translation>
    </message>
</context>
<context>
    <name>OperatorScreen</name>
    <message>
        <location filename="../operator.py" line="89" />
        <source>Operator</source>
        <extracomment>The command barcodes an operator scans: a check step's verdict, or "done with this unit". How often the station's copy of the shared database is taken afresh while online. The screen has answered a scan or an action: a StepResult, the UnitProgress of a unit just loaded, or the Refusal shown (tests and the latency bench wait on it).</extracomment>
        <translation>生产作业</translation>
    </message>
    <message>
        <location filename="../operator.py" line="94" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../operator.py" line="100" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../operator.py" line="101" />
        <source>NOT STABLE</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../operator.py" line="102" />
        <source>no reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <location filename="../operator.py" line="103" />
        <source>OUT OF TOLERANCE</source>
        <translation>超出公差</translation>
    </message>
    <message>
        <location filename="../operator.py" line="107" />
        <source>Type the reading, then Enter</source>
        <translation>输入读数，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../operator.py" line="109" />
        <source>Record weight</source>
        <translation>记录重量</translation>
    </message>
    <message>
        <location filename="../operator.py" line="111" />
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../operator.py" line="112" />
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../operator.py" line="115" />
        <source>Next unit</source>
        <translation>下一件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="142" />
        <source>Steps</source>
        <translation>工序</translation>
    </message>
    <message>
        <location filename="../operator.py" line="144" />
        <source>Last scans of this unit</source>
        <translation>本件最近扫描</translation>
    </message>
    <message>
        <location filename="../operator.py" line="172" />
        <source>No unit</source>
        <translation>未载入单件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="173" />
        <source>Scan a unit</source>
        <translation>扫描单件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="175" />
        <source>Scan the serial label of the unit (or the lot label).</source>
        <translation>扫描单件的序列号标签（或批次标签）。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="212" />
        <source>Kept at this station, sent when the database is back.</source>
        <translation>已保存在本工位，数据库恢复后上传。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="217" />
        <source>Nonconformance %1 is open: put the unit aside for QC.</source>
        <translation>不合格品报告 %1 已开立：请将此件放到一旁，交 QC 处理。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="220" />
        <source>Step failed</source>
        <translation>工序未通过</translation>
    </message>
    <message>
        <location filename="../operator.py" line="228" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../operator.py" line="230" />
        <source>Nothing was recorded for this scan. Scan again, or press Enter.</source>
        <translation>本次扫描未记录任何内容。请重新扫描，或按 Enter。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="289" />
        <source>No reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <location filename="../operator.py" line="290" />
        <source>The scale has sent no weight yet.</source>
        <translation>秤尚未发送重量。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="291" />
        <source>Check the scale is on and connected.</source>
        <translation>请检查秤已开机并已连接。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="314" />
        <source>Not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../operator.py" line="315" />
        <source>"%1" is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="316" />
        <source>Type the reading as digits, e.g. 1.02</source>
        <translation>请用数字输入读数，例如 1.02</translation>
    </message>
    <message>
        <location filename="../operator.py" line="347" />
        <source>Ready for the next unit.</source>
        <translation>可以处理下一件。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="378" />
        <source>Unit loaded</source>
        <translation>已载入单件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="449" />
        <source>OFFLINE since %1 — %2 steps kept at this station</source>
        <translation>离线（自 %1 起）— 本工位已保存 %2 道工序</translation>
    </message>
    <message>
        <location filename="../operator.py" line="452" />
        <source>OFFLINE — %2 steps kept at this station</source>
        <translation>离线 — 本工位已保存 %2 道工序</translation>
    </message>
    <message>
        <location filename="../operator.py" line="455" />
        <source>sending…</source>
        <translation>正在上传…</translation>
    </message>
    <message>
        <location filename="../operator.py" line="478" />
        <source>The station's journal does not verify</source>
        <translation>工位日志校验失败</translation>
    </message>
    <message>
        <location filename="../operator.py" line="480" />
        <source>Nothing was sent. Keep the station as it is and call quality.</source>
        <translation>未上传任何内容。请保持工位现状并通知质量部门。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="492" />
        <source>1 step sent</source>
        <translation>已上传 1 道工序</translation>
    </message>
    <message>
        <location filename="../operator.py" line="494" />
        <source>%1 steps sent</source>
        <translation>已上传 %1 道工序</translation>
    </message>
    <message>
        <location filename="../operator.py" line="496" />
        <source>no conflict</source>
        <translation>无冲突</translation>
    </message>
    <message>
        <location filename="../operator.py" line="498" />
        <source>1 conflict for the supervisor</source>
        <translation>1 个冲突待主管裁定</translation>
    </message>
    <message>
        <location filename="../operator.py" line="500" />
        <source>%1 conflicts for the supervisor</source>
        <translation>%1 个冲突待主管裁定</translation>
    </message>
    <message>
        <location filename="../operator.py" line="501" />
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location filename="../operator.py" line="483" />
        <source>The database is back.</source>
        <translation>数据库已恢复。</translation>
    </message>
</context>
<context>
    <name>PackagingScreen</name>
    <message>
        <location filename="../packaging.py" line="75" />
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="79" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="83" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="84" />
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="85" />
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="86" />
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="87" />
        <source>New case</source>
        <translation>新建箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="88" />
        <source>Close case</source>
        <translation>封箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="91" />
        <source>Print queue (Enter selects)</source>
        <translation>打印队列（Enter 选择）</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="138" />
        <source>Apply the label, then scan it back</source>
        <translation>贴上标签，然后回扫</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="140" />
        <source>Reprint the label with a supervisor: F10</source>
        <translation>由主管补打标签：F10</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="142" />
        <source>Print the label: F9</source>
        <translation>打印标签：F9</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="144" />
        <source>Scan a unit to label, or a case label to pack</source>
        <translation>扫描待贴标单件，或扫描箱标签开始装箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="146" />
        <source>Scan a labelled unit to pack it</source>
        <translation>扫描已贴标单件以装箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="179" />
        <source>Scan not used</source>
        <translation>扫描未被采用</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="180" />
        <source>The scan "%1" was not used while a dialog is open.</source>
        <translation>对话框打开期间，扫描“%1”未被采用。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="183" />
        <source>Finish or cancel the dialog, then scan again.</source>
        <translation>请完成或取消对话框，然后重新扫描。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="194" />
        <source>Not waiting for the scan-back any more.</source>
        <translation>已不再等待回扫。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="221" />
        <source>Rendering the label of %1…</source>
        <translation>正在生成 %1 的标签…</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="228" />
        <source>Not released</source>
        <translation>未放行</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="229" />
        <source>%1 is %2: labels are printed only for released items.</source>
        <translation>%1 状态为 %2：只有已放行的物品才能打印标签。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="232" />
        <source>QC releases the lot first.</source>
        <translation>需先由 QC 放行该批次。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="236" />
        <source>%1 selected</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="237" />
        <source>Print its label: F9</source>
        <translation>打印其标签：F9</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="241" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="255" />
        <source>Nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="256" />
        <source>No unit or lot is selected.</source>
        <translation>未选择单件或批次。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="257" />
        <source>Scan the unit, or select it in the queue and press Enter.</source>
        <translation>请扫描单件，或在队列中选择后按 Enter。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="262" />
        <source>No label printer</source>
        <translation>无标签打印机</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="263" />
        <source>This station has no label printer connected.</source>
        <translation>本工位未连接标签打印机。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="264" />
        <source>Check the printer in the device strip; ask an administrator.</source>
        <translation>请查看设备状态栏中的打印机，并联系管理员。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="278" />
        <source>Label not printed</source>
        <translation>标签未打印</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="280" />
        <source>Fix the printer, then F9 again: the same job is sent, never twice.</source>
        <translation>排除打印机故障后再按 F9：发送的是同一任务，不会重复打印。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="288" />
        <source>The printer holds the label</source>
        <translation>打印机暂停了该标签</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="290" />
        <source>Fix the printer; the label prints then. Scan it back once applied.</source>
        <translation>排除打印机故障后标签即会打印。贴上后请回扫。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="294" />
        <source>Label printed: %1</source>
        <translation>标签已打印：%1</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="315" />
        <source>Label step passed.</source>
        <translation>贴标工序已通过。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="319" />
        <source>Label verified: %1</source>
        <translation>标签已核验：%1</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="324" />
        <source>Label does not match: voided</source>
        <translation>标签不符：已作废</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="325" />
        <source>Printed: %1
Scanned: %2</source>
        <translation>打印：%1
扫描：%2</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="328" />
        <source>Remove that label. A reprint needs a supervisor: F10.</source>
        <translation>请撕下该标签。补打需主管签名：F10。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="383" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="385" />
        <source>Nothing was recorded. Press Enter to go on.</source>
        <translation>未记录任何内容。按 Enter 继续。</translation>
    </message>
</context>
<context>
    <name>PalletActions</name>
    <message>
        <location filename="../packaging_pallets.py" line="80" />
        <source>Pallet: %1</source>
        <translation>托盘：%1</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="102" />
        <source>On the pallet: %1</source>
        <translation>已上托盘：%1</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="110" />
        <source>New pallet: SSCC %1</source>
        <translation>新托盘：SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="111" />
        <source>Scan each closed case to put it on the pallet.</source>
        <translation>请逐个扫描已封的箱，放上托盘。</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="127" />
        <source>Pallet closed: SSCC %1</source>
        <translation>托盘已封：SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="132" />
        <source>No reason</source>
        <translation>没有原因</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="133" />
        <source>Unpacking needs a reason.</source>
        <translation>拆包需要原因。</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="134" />
        <source>Type why in the reason field, then F3 again.</source>
        <translation>请在原因栏填写原因，然后再按 F3。</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="142" />
        <source>Unpacking</source>
        <translation>拆包</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="143" />
        <source>Scan the case or unit to take out.</source>
        <translation>请扫描要取出的箱或单件。</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="170" />
        <source>Taken out of %1</source>
        <translation>已从 %1 取出</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="171" />
        <source>%1 left inside</source>
        <translation>内剩 %1</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="176" />
        <source>No pallet</source>
        <translation>没有托盘</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="177" />
        <source>There is no current pallet.</source>
        <translation>当前没有托盘。</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="178" />
        <source>Scan a pallet label, or press F6 for a new pallet.</source>
        <translation>请扫描托盘标签，或按 F6 新建托盘。</translation>
    </message>
</context>
<context>
    <name>PalletBar</name>
    <message>
        <location filename="../packaging_pallets.py" line="34" />
        <source>reason to unpack</source>
        <translation>拆包原因</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="35" />
        <source>New pallet</source>
        <translation>新建托盘</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="36" />
        <source>Close pallet</source>
        <translation>封托盘</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="37" />
        <source>Unpack</source>
        <translation>拆包</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="49" />
        <source>No pallet: scan a pallet label, or F6 for a new one</source>
        <translation>没有托盘：请扫描托盘标签，或按 F6 新建</translation>
    </message>
    <message>
        <location filename="../packaging_pallets.py" line="53" />
        <source>Pallet SSCC %1 · %2 cases · %3</source>
        <translation>托盘 SSCC %1 · %2 箱 · %3</translation>
    </message>
</context>
<context>
    <name>PanelBox</name>
    <message>
        <location filename="../dashboard_parts.py" line="99" />
        <source>the first %1 of %2</source>
        <extracomment>Panels whose figures are counts (shown as a number); the others are ages or states in words.</extracomment>
        <translation>共 %2 项，显示前 %1 项</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <location filename="../password_change.py" line="28" />
        <source>Choose your password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="32" />
        <source>Choose your own password</source>
        <translation>设置您自己的密码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="36" />
        <source>Your password was given to you by an administrator. Choose your own before you go on: 12 characters or more, not a common one.</source>
        <translation>您的密码由管理员设置。继续之前请设置您自己的密码：至少 12 个字符，且不能是常见密码。</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="45" />
        <source>Given password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="46" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="47" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="50" />
        <source>Authenticator code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="53" />
        <source>Enter the password you were given, then your new one.</source>
        <translation>请输入管理员给您的密码，然后输入新密码。</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="55" />
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="58" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="80" />
        <location filename="../password_change.py" line="111" />
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="81" />
        <source>the two new passwords differ</source>
        <translation>两次输入的新密码不一致</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="82" />
        <source>Type the new password twice, the same.</source>
        <translation>请两次输入相同的新密码。</translation>
    </message>
    <message>
        <location filename="../password_change.py" line="111" />
        <source>Try again, or log out.</source>
        <translation>请重试，或登出。</translation>
    </message>
</context>
<context>
    <name>PlanningScreen</name>
    <message>
        <location filename="../planning.py" line="53" />
        <source>Open work orders</source>
        <translation>未关闭的工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="56" />
        <location filename="../planning.py" line="112" />
        <source>Work order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="57" />
        <location filename="../planning.py" line="111" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../planning.py" line="58" />
        <source>Due</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../planning.py" line="59" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../planning.py" line="60" />
        <location filename="../planning.py" line="115" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../planning.py" line="61" />
        <source>Built</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../planning.py" line="62" />
        <source>Open</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../planning.py" line="67" />
        <source>Step</source>
        <translation>工序</translation>
    </message>
    <message>
        <location filename="../planning.py" line="67" />
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location filename="../planning.py" line="67" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../planning.py" line="85" />
        <location filename="../planning.py" line="267" />
        <source>Progress per step</source>
        <translation>各工序进度</translation>
    </message>
    <message>
        <location filename="../planning.py" line="84" />
        <source>Scan a work order's traveller, or select one in the list</source>
        <translation>扫描工单流转卡，或在列表中选择工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="89" />
        <source>Planning</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../planning.py" line="100" />
        <source>e.g. WO-2026-0142</source>
        <translation>例如 WO-2026-0142</translation>
    </message>
    <message>
        <location filename="../planning.py" line="108" />
        <source>generated at release</source>
        <translation>下达时自动生成</translation>
    </message>
    <message>
        <location filename="../planning.py" line="113" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../planning.py" line="114" />
        <source>Due date</source>
        <translation>交期</translation>
    </message>
    <message>
        <location filename="../planning.py" line="121" />
        <source>Create work order</source>
        <translation>创建工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="137" />
        <source>on the unit</source>
        <translation>贴在单件上</translation>
    </message>
    <message>
        <location filename="../planning.py" line="138" />
        <source>on the housing</source>
        <translation>贴在外壳上</translation>
    </message>
    <message>
        <location filename="../planning.py" line="139" />
        <source>print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../planning.py" line="147" />
        <source>Reason (to close with units open)</source>
        <translation>原因（有未完成单件时关闭必填）</translation>
    </message>
    <message>
        <location filename="../planning.py" line="70" />
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="69" />
        <source>Selected work order</source>
        <translation>所选工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="152" />
        <source>Serials</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../planning.py" line="186" />
        <location filename="../planning.py" line="297" />
        <source>Work order %1</source>
        <translation>工单 %1</translation>
    </message>
    <message>
        <location filename="../planning.py" line="188" />
        <source>No work order selected</source>
        <translation>未选择工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="191" />
        <source>Release %1 (makes its lot)</source>
        <translation>下达 %1（生成批次）</translation>
    </message>
    <message>
        <location filename="../planning.py" line="194" />
        <source>Commission %1 serials</source>
        <translation>生成 %1 个序列号</translation>
    </message>
    <message>
        <location filename="../planning.py" line="198" />
        <source>Print serial labels (%1 made)</source>
        <translation>打印序列号标签（已生成 %1）</translation>
    </message>
    <message>
        <location filename="../planning.py" line="201" />
        <source>Close %1 with its reconciliation</source>
        <translation>对账并关闭 %1</translation>
    </message>
    <message>
        <location filename="../planning.py" line="252" />
        <source>Open work orders: %1</source>
        <translation>未关闭的工单：%1</translation>
    </message>
    <message>
        <location filename="../planning.py" line="279" />
        <source>%1: made %2 · built %3 · scrapped %4 · open %5</source>
        <translation>%1：已生成 %2 · 已完成 %3 · 报废 %4 · 未完成 %5</translation>
    </message>
    <message>
        <location filename="../planning.py" line="300" />
        <source>Not an open work order</source>
        <translation>不是未关闭的工单</translation>
    </message>
    <message>
        <location filename="../planning.py" line="301" />
        <source>Scanned "%1": no open work order has this number.</source>
        <translation>扫描“%1”：没有此编号的未关闭工单。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="302" />
        <source>Scan the work order number on the traveller, or pick it in the list.</source>
        <translation>请扫描流转卡上的工单号，或在列表中选择。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="320" />
        <source>Work order %1 created</source>
        <translation>工单 %1 已创建</translation>
    </message>
    <message>
        <location filename="../planning.py" line="321" />
        <source>%1 × %2, due %3. Release it to make its lot.</source>
        <translation>%1 × %2，交期 %3。下达后生成批次。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="336" />
        <source>Work order %1 released</source>
        <translation>工单 %1 已下达</translation>
    </message>
    <message>
        <location filename="../planning.py" line="337" />
        <source>Lot %1 made; commission its serials next.</source>
        <translation>批次 %1 已生成；下一步：生成序列号。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="351" />
        <source>%1 serials commissioned</source>
        <translation>已生成 %1 个序列号</translation>
    </message>
    <message>
        <location filename="../planning.py" line="352" />
        <source>%1 to %2, lot %3. Print their labels next.</source>
        <translation>%1 至 %2，批次 %3。下一步：打印标签。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="366" />
        <source>No label printer</source>
        <translation>无标签打印机</translation>
    </message>
    <message>
        <location filename="../planning.py" line="367" />
        <source>This station has no label printer configured.</source>
        <translation>本工位未配置标签打印机。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="368" />
        <source>Add [devices.printer] to the station file.</source>
        <translation>请在工位配置文件中添加 [devices.printer]。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="385" />
        <source>%1 serial labels not printed</source>
        <translation>%1 张序列号标签未打印</translation>
    </message>
    <message>
        <location filename="../planning.py" line="387" />
        <source>Check the printer, then print again: the labels printed are recorded.</source>
        <translation>请检查打印机后重新打印：已打印的标签均已记录。</translation>
    </message>
    <message>
        <location filename="../planning.py" line="391" />
        <source>%1 serial labels printed</source>
        <translation>已打印 %1 张序列号标签</translation>
    </message>
    <message>
        <location filename="../planning.py" line="406" />
        <source>Work order %1 closed</source>
        <translation>工单 %1 已关闭</translation>
    </message>
    <message>
        <location filename="../planning.py" line="407" />
        <source>Ordered %1 · made %2 · built %3 · scrapped %4 · open %5</source>
        <translation>订单 %1 · 已生成 %2 · 已完成 %3 · 报废 %4 · 未完成 %5</translation>
    </message>
    <message>
        <location filename="../planning.py" line="442" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../planning.py" line="442" />
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>PreviewBox</name>
    <message>
        <location filename="../packaging_parts.py" line="113" />
        <location filename="../packaging_parts.py" line="139" />
        <source>Label preview</source>
        <translation>标签预览</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="119" />
        <source>Labels for the lot (one per kit)</source>
        <translation>本批次标签数（每套件一张）</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="140" />
        <source>Scan a unit or select it in the queue.</source>
        <translation>扫描单件，或在队列中选择。</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="144" />
        <source>Label of %1 · template %2 v%3</source>
        <translation>%1 的标签 · 模板 %2 v%3</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <location filename="../packaging_parts.py" line="37" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="37" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="37" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="52" />
        <source>to print</source>
        <translation>待打印</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="55" />
        <source>%1: scan it back</source>
        <translation>%1：请回扫</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="56" />
        <source>▲ %1 by the printer</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="57" />
        <source>✖ %1: print again</source>
        <translation>✖ %1：请重新打印</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="58" />
        <source>✖ %1: reprint</source>
        <translation>✖ %1：请补打</translation>
    </message>
</context>
<context>
    <name>QcActions</name>
    <message>
        <location filename="../qc_actions.py" line="41" />
        <source>%1 on %2: %3</source>
        <translation>%2 的 %1：%3</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="44" />
        <source>(from step %1)</source>
        <translation>（从工序 %1 起）</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="50" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="55" />
        <source>%1 dispositioned</source>
        <translation>%1 已处置</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="70" />
        <source>%1 closed</source>
        <translation>%1 已关闭</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="90" />
        <source>%1 opened on %2</source>
        <translation>已对 %2 开立 %1</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="116" />
        <source>✔ in tolerance</source>
        <translation>✔ 公差内</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="116" />
        <source>✖ OUT OF TOLERANCE</source>
        <translation>✖ 超出公差</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="121" />
        <source>Reading recorded</source>
        <translation>读数已记录</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="124" />
        <source>Out of tolerance: recorded</source>
        <translation>超出公差：已记录</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="126" />
        <source>%1 is open: the item is nonconforming until it is dispositioned.</source>
        <translation>%1 已开立：处置前该物品为不合格品。</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="164" />
        <source>%1 is on hold</source>
        <translation>%1 已冻结</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="171" />
        <source>Hold released: %1</source>
        <translation>已解除冻结：%1</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="178" />
        <source>No NCR selected</source>
        <translation>未选择 NCR</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="179" />
        <source>Choose the nonconformance first.</source>
        <translation>请先选择不合格品报告。</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="180" />
        <source>Select it in the list (arrow keys) or scan its number.</source>
        <translation>在列表中选择（方向键），或扫描其编号。</translation>
    </message>
</context>
<context>
    <name>QcScreen</name>
    <message>
        <location filename="../qc.py" line="60" />
        <source>QC</source>
        <translation>QC</translation>
    </message>
    <message>
        <location filename="../qc.py" line="64" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../qc.py" line="73" />
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../qc.py" line="74" />
        <source>Nonconformances</source>
        <translation>不合格品</translation>
    </message>
    <message>
        <location filename="../qc.py" line="75" />
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../qc.py" line="76" />
        <source>Holds</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../qc.py" line="80" />
        <source>SPC</source>
        <translation>SPC</translation>
    </message>
    <message>
        <location filename="../qc.py" line="82" />
        <source>Label templates</source>
        <translation>标签模板</translation>
    </message>
    <message>
        <location filename="../qc.py" line="143" />
        <source>Looking up the scan…</source>
        <translation>正在查询扫描内容…</translation>
    </message>
    <message>
        <location filename="../qc.py" line="160" />
        <source>%1 selected</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <location filename="../qc.py" line="163" />
        <source>%1 is not open</source>
        <translation>%1 不在待处理状态</translation>
    </message>
    <message>
        <location filename="../qc.py" line="164" />
        <source>%1 is not in the list of nonconformances to decide or close.</source>
        <translation>%1 不在待处置或待关闭的不合格品列表中。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="167" />
        <source>Check the number; a closed NCR is shown in the lot's review.</source>
        <translation>请核对编号；已关闭的 NCR 显示在批次审核中。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="174" />
        <source>Review of lot %1</source>
        <translation>批次审核：%1</translation>
    </message>
    <message>
        <location filename="../qc.py" line="175" />
        <source>Scanned: %1</source>
        <translation>已扫描：%1</translation>
    </message>
    <message>
        <location filename="../qc.py" line="189" />
        <source>What is wrong with %1 (F8 opens an NCR)</source>
        <translation>%1 有什么问题（F8 开立 NCR）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="194" />
        <source>Lot %1 · scanned %2</source>
        <translation>批次 %1 · 已扫描 %2</translation>
    </message>
    <message>
        <location filename="../qc.py" line="201" />
        <source>Scan a lot label or a unit label</source>
        <translation>扫描批次标签或单件标签</translation>
    </message>
    <message>
        <location filename="../qc.py" line="203" />
        <source>Resolve the blockers, then release (F9)</source>
        <translation>解决阻碍项后放行（F9）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="205" />
        <source>Ready: release the lot (F9)</source>
        <translation>就绪：放行该批次（F9）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="207" />
        <source>Scan the next lot</source>
        <translation>扫描下一批次</translation>
    </message>
    <message>
        <location filename="../qc.py" line="229" />
        <source>Lot %1 cannot be released</source>
        <translation>批次 %1 不能放行</translation>
    </message>
    <message>
        <location filename="../qc.py" line="232" />
        <source>Resolve each blocker (nonconformances F2, holds F4, SPC flags Shift+F1), then release.</source>
        <translation>逐一解决阻碍项（不合格品 F2，冻结 F4，SPC 标记 Shift+F1），然后放行。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="240" />
        <source>Nothing to release</source>
        <translation>没有可放行的内容</translation>
    </message>
    <message>
        <location filename="../qc.py" line="241" />
        <source>Lot %1 is released already: %2</source>
        <translation>批次 %1 已放行：%2</translation>
    </message>
    <message>
        <location filename="../qc.py" line="242" />
        <source>Scan the next lot.</source>
        <translation>请扫描下一批次。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="251" />
        <source>Release of lot %1 (%2): %3 item(s)</source>
        <translation>放行批次 %1（%2）：%3 件</translation>
    </message>
    <message>
        <location filename="../qc.py" line="259" />
        <source>Lot %1 released: %2 unit(s)</source>
        <translation>批次 %1 已放行：%2 件</translation>
    </message>
    <message>
        <location filename="../qc.py" line="272" />
        <source>No flag selected</source>
        <translation>未选择标记</translation>
    </message>
    <message>
        <location filename="../qc.py" line="273" />
        <source>There is no open anomaly flag to decide.</source>
        <translation>没有待处置的异常标记。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="274" />
        <source>Select a flag in the list first.</source>
        <translation>请先在列表中选择一个标记。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="282" />
        <source>%1 dispositioned</source>
        <translation>%1 已处置</translation>
    </message>
    <message>
        <location filename="../qc.py" line="294" />
        <source>No step selected</source>
        <translation>未选择工序</translation>
    </message>
    <message>
        <location filename="../qc.py" line="295" />
        <source>No product has a weighing or measuring step.</source>
        <translation>没有产品含有称重或测量工序。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="296" />
        <source>Load master data with such a step first.</source>
        <translation>请先加载含有此类工序的主数据。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="315" />
        <source>Control limits of %1, step %2, from the latest %3 readings</source>
        <translation>%1 工序 %2 的控制限，取自最近 %3 个读数</translation>
    </message>
    <message>
        <location filename="../qc.py" line="325" />
        <source>Why these limits (optional)</source>
        <translation>采用这些控制限的原因（可选）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="330" />
        <source>Control limits frozen: %1, step %2</source>
        <translation>控制限已锁定：%1，工序 %2</translation>
    </message>
    <message>
        <location filename="../qc.py" line="374" />
        <source>Nothing scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <location filename="../qc.py" line="375" />
        <source>This needs a lot or a unit.</source>
        <translation>此操作需要批次或单件。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="376" />
        <source>Scan the lot label or the unit's label first.</source>
        <translation>请先扫描批次标签或单件标签。</translation>
    </message>
</context>
<context>
    <name>QcWords</name>
    <message>
        <location filename="../qc_review.py" line="39" />
        <source>⚠ SIGNATURE INVALID: %1</source>
        <translation>⚠ 签名无效：%1</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="47" />
        <source>→ step %1</source>
        <translation>→ 工序 %1</translation>
    </message>
</context>
<context>
    <name>RecallScreen</name>
    <message>
        <location filename="../recall.py" line="96" />
        <source>Recalls</source>
        <extracomment>How often the figures of a shown recall are read again (others record notifications too). The recall screen's key: a screen offered by role (the recall permission), not a station. (file, rows written, rows in all) of a CSV export, from the worker thread.</extracomment>
        <translation>召回</translation>
    </message>
    <message>
        <location filename="../recall.py" line="100" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../recall.py" line="106" />
        <source>the scope of a new recall</source>
        <translation>新召回的范围</translation>
    </message>
    <message>
        <location filename="../recall.py" line="107" />
        <source>a unit returned</source>
        <translation>单件已退回</translation>
    </message>
    <message>
        <location filename="../recall.py" line="108" />
        <source>a unit's disposition</source>
        <translation>单件的处置</translation>
    </message>
    <message>
        <location filename="../recall.py" line="109" />
        <source>a unit's customer notified</source>
        <translation>单件的客户已通知</translation>
    </message>
    <message>
        <location filename="../recall.py" line="175" />
        <source>Choose an open recall in the list, or open one (F2)</source>
        <translation>在列表中选择未关闭的召回，或启动一个（F2）</translation>
    </message>
    <message>
        <location filename="../recall.py" line="177" />
        <source>Scan each returned unit (UDI or serial)</source>
        <translation>逐个扫描退回的单件（UDI 或序列号）</translation>
    </message>
    <message>
        <location filename="../recall.py" line="179" />
        <source>Scan each unit to record its disposition: %1</source>
        <translation>逐个扫描单件以记录其处置：%1</translation>
    </message>
    <message>
        <location filename="../recall.py" line="183" />
        <source>Scan each unit whose customer was told</source>
        <translation>逐个扫描其客户已被通知的单件</translation>
    </message>
    <message>
        <location filename="../recall.py" line="187" />
        <source>Recalls not shown</source>
        <translation>无法显示召回</translation>
    </message>
    <message>
        <location filename="../recall.py" line="305" />
        <source>No scope</source>
        <translation>没有范围</translation>
    </message>
    <message>
        <location filename="../recall.py" line="173" />
        <source>Type the reason, then scan the bad lot or serial</source>
        <translation>先输入原因，再扫描问题批次或序列号</translation>
    </message>
    <message>
        <location filename="../recall.py" line="215" />
        <source>Units not listed</source>
        <translation>单件未列出</translation>
    </message>
    <message>
        <location filename="../recall.py" line="235" />
        <source>No recall chosen</source>
        <translation>未选择召回</translation>
    </message>
    <message>
        <location filename="../recall.py" line="236" />
        <source>There is no scope to export.</source>
        <translation>没有可导出的召回范围。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="237" />
        <source>Choose a recall in the list, then F9.</source>
        <translation>在列表中选择一项召回，然后按 F9。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="242" />
        <source>Export the scope to CSV</source>
        <translation>将召回范围导出为 CSV</translation>
    </message>
    <message>
        <location filename="../recall.py" line="242" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../recall.py" line="255" />
        <source>Writing the scope of %1 to %2…</source>
        <translation>正在将 %1 的召回范围写入 %2…</translation>
    </message>
    <message>
        <location filename="../recall.py" line="266" />
        <source>Scope not exported</source>
        <translation>召回范围未导出</translation>
    </message>
    <message>
        <location filename="../recall.py" line="277" />
        <source>Scope written to %1</source>
        <translation>召回范围已写入 %1</translation>
    </message>
    <message>
        <location filename="../recall.py" line="278" />
        <source>%1 rows: %2 units, %3 shipments to %4 customers at %5 sites</source>
        <translation>%1 行：%2 个单件，%3 批发货，发往 %4 个客户的 %5 个地点</translation>
    </message>
    <message>
        <location filename="../recall.py" line="306" />
        <source>Nothing was scanned or typed as the bad lot or serial.</source>
        <translation>未扫描或输入问题批次或序列号。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="307" />
        <source>Type the reason, then scan the bad lot (or type it and press Enter).</source>
        <translation>先输入原因，再扫描问题批次（或输入后按 Enter）。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="312" />
        <source>Taking the scope of %1: its units and customers appear when it is known…</source>
        <translation>正在确定 %1 的范围：确定后即显示其单件和客户…</translation>
    </message>
    <message>
        <location filename="../recall.py" line="320" />
        <source>Recall not opened</source>
        <translation>召回未启动</translation>
    </message>
    <message>
        <location filename="../recall.py" line="330" />
        <source>%1 opened on %2</source>
        <translation>已对 %2 开立 %1</translation>
    </message>
    <message>
        <location filename="../recall.py" line="331" />
        <source>%1 units in scope, %2 customer sites to notify; scope known in %3</source>
        <translation>范围内 %1 个单件，需通知 %2 个客户地点；范围确定用时 %3</translation>
    </message>
    <message>
        <location filename="../recall.py" line="351" />
        <source>No open recall</source>
        <translation>没有未关闭的召回</translation>
    </message>
    <message>
        <location filename="../recall.py" line="352" />
        <source>Scan %1 was not used: no open recall is chosen.</source>
        <translation>扫描 %1 未被使用：未选择未关闭的召回。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="355" />
        <source>Choose an open recall in the list, or open one (F2).</source>
        <translation>在列表中选择未关闭的召回，或启动一个（F2）。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="376" />
        <source>%1: %2 %3</source>
        <translation>%1：%2 %3</translation>
    </message>
    <message>
        <location filename="../recall.py" line="379" />
        <source>already %1: %2</source>
        <translation>此前已%1：%2</translation>
    </message>
    <message>
        <location filename="../recall.py" line="390" />
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <location filename="../recall.py" line="391" />
        <source>Choose a customer in the list of an open recall.</source>
        <translation>请在未关闭召回的客户列表中选择一个客户。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="392" />
        <source>Open the customers list, choose the customer told, then F3.</source>
        <translation>打开客户列表，选择已通知的客户，然后按 F3。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="398" />
        <source>Who was told?</source>
        <translation>通知了谁？</translation>
    </message>
    <message>
        <location filename="../recall.py" line="399" />
        <source>The notification of %1 names nobody.</source>
        <translation>%1 的通知没有写明被通知人。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="400" />
        <source>Type who was told and how, then F3 again.</source>
        <translation>请输入被通知人和方式，然后再按 F3。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="410" />
        <source>Notification not recorded</source>
        <translation>通知未记录</translation>
    </message>
    <message>
        <location filename="../recall.py" line="423" />
        <source>Nothing to close</source>
        <translation>没有可关闭的召回</translation>
    </message>
    <message>
        <location filename="../recall.py" line="424" />
        <source>No open recall is chosen.</source>
        <translation>未选择未关闭的召回。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="425" />
        <source>Choose the open recall in the list, then F8.</source>
        <translation>在列表中选择未关闭的召回，然后按 F8。</translation>
    </message>
    <message>
        <location filename="../recall.py" line="435" />
        <source>%1 on %2: %3 units, every one dispositioned</source>
        <translation>%1（%2）：%3 个单件，均已处置</translation>
    </message>
    <message>
        <location filename="../recall.py" line="448" />
        <source>Closing note</source>
        <translation>关闭说明</translation>
    </message>
    <message>
        <location filename="../recall.py" line="460" />
        <source>%1 closed</source>
        <translation>%1 已关闭</translation>
    </message>
</context>
<context>
    <name>ReceiveTab</name>
    <message>
        <location filename="../receiving_parts.py" line="62" />
        <source>Label that will not scan: type it, then Enter</source>
        <translation>扫不出的标签：请手工输入，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="65" />
        <source>Only when the label has no lot</source>
        <translation>仅在标签上没有批次时填写</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="68" />
        <source>Count the delivery</source>
        <translation>清点来料数量</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="71" />
        <source>Certificate file (PDF or scan)</source>
        <translation>证书文件（PDF 或扫描件）</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="72" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="76" />
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="77" />
        <source>Receive and print bin label</source>
        <translation>接收并打印料箱标签</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="78" />
        <source>Print bin label again</source>
        <translation>重新打印料箱标签</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="80" />
        <source>Bin label</source>
        <translation>料箱标签</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="82" />
        <location filename="../receiving_parts.py" line="100" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="82" />
        <source>Part</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="82" />
        <location filename="../receiving_parts.py" line="101" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="82" />
        <location filename="../receiving_parts.py" line="102" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="83" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="86" />
        <source>The bin label of the lot received last shows here.</source>
        <translation>此处显示最近接收批次的料箱标签。</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="94" />
        <source>From the supplier's label</source>
        <translation>来自供应商标签</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="103" />
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="114" />
        <source>Received, newest first</source>
        <translation>已接收（最新在前）</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="141" />
        <source>Nothing scanned yet</source>
        <translation>尚未扫描</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="149" />
        <source>no lot on the label: type it</source>
        <translation>标签上没有批次：请输入</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="150" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="152" />
        <source>Lot %1 · expiry %2</source>
        <translation>批次 %1 · 有效期 %2</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="154" />
        <source>Scanned: %1</source>
        <translation>已扫描：%1</translation>
    </message>
    <message>
        <location filename="../receiving_parts.py" line="179" />
        <source>Pieces scanned: %1</source>
        <translation>已扫描单件：%1</translation>
    </message>
</context>
<context>
    <name>ReceivingScreen</name>
    <message>
        <location filename="../receiving.py" line="62" />
        <source>Receiving</source>
        <translation>来料接收</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="66" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="71" />
        <source>Receive</source>
        <translation>接收</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="72" />
        <source>Incoming inspection</source>
        <translation>来料检验</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="130" />
        <source>Scan the lot to inspect</source>
        <translation>扫描要检验的批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="132" />
        <source>Scan the next lot</source>
        <translation>扫描下一批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="134" />
        <source>Inspect: accept (F6) or fail (F7), then release (F9)</source>
        <translation>检验：合格（F6）或不合格（F7），然后放行（F9）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="136" />
        <source>Scan the supplier's label</source>
        <translation>扫描供应商标签</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="138" />
        <source>Scan each piece's serial, then receive (F8)</source>
        <translation>逐件扫描序列号，然后接收（F8）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="140" />
        <source>Type the quantity, attach the certificate, receive (F8)</source>
        <translation>输入数量，附上证书，接收（F8）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="172" />
        <source>Piece refused</source>
        <translation>单件被拒绝</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="180" />
        <source>Reading the label…</source>
        <translation>正在读取标签…</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="185" />
        <source>Supplier label refused</source>
        <translation>供应商标签被拒绝</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="201" />
        <source>Label read: %1</source>
        <translation>已读取标签：%1</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="211" />
        <source>Piece %1 added</source>
        <translation>已添加单件 %1</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="212" />
        <source>%1 piece(s) scanned</source>
        <translation>已扫描 %1 件</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="216" />
        <source>Piece scanned twice</source>
        <translation>单件重复扫描</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="217" />
        <source>Serial %1 is in the list already.</source>
        <translation>序列号 %1 已在列表中。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="218" />
        <source>Scan the next piece; each piece is scanned once.</source>
        <translation>请扫描下一件；每件只扫描一次。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="232" />
        <source>Certificate of the delivery</source>
        <translation>本批来料的证书</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="234" />
        <source>Certificates (*.pdf *.png *.jpg *.tif *.tiff);;All files (*)</source>
        <translation>证书 (*.pdf *.png *.jpg *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="245" />
        <source>Nothing scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="246" />
        <source>Receiving starts from the supplier's label.</source>
        <translation>接收从供应商标签开始。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="247" />
        <source>Scan the barcode on the supplier's label (GS1 or HIBC).</source>
        <translation>请扫描供应商标签上的条码（GS1 或 HIBC）。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="253" />
        <source>No supplier</source>
        <translation>没有供应商</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="254" />
        <source>The master data has no approved supplier.</source>
        <translation>主数据中没有已批准的供应商。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="255" />
        <source>Ask quality to approve the supplier in the master data.</source>
        <translation>请质量部门在主数据中批准该供应商。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="276" />
        <source>Lot %1 received into quarantine</source>
        <translation>批次 %1 已接收并隔离</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="277" />
        <source>%1 from %2: waits for incoming inspection</source>
        <translation>%1，供应商 %2：等待来料检验</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="301" />
        <source>No lot to label</source>
        <translation>没有可打标签的批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="302" />
        <source>No lot has been received yet.</source>
        <translation>尚未接收任何批次。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="303" />
        <source>Receive a lot first; its bin label prints at once.</source>
        <translation>请先接收批次；其料箱标签会立即打印。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="319" />
        <location filename="../receiving.py" line="341" />
        <source>Bin label not printed</source>
        <translation>料箱标签未打印</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="320" />
        <source>This station has no label printer connected.</source>
        <translation>本工位未连接标签打印机。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="321" />
        <source>The lot is received. Connect the printer, then print the label again (F11).</source>
        <translation>批次已接收。请连接打印机，然后重新打印标签（F11）。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="343" />
        <source>The lot is received. Fix the printer, then print the label again (F11).</source>
        <translation>批次已接收。请排除打印机故障，然后重新打印标签（F11）。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="327" />
        <source>Bin label of lot %1</source>
        <translation>批次 %1 的料箱标签</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="330" />
        <source>Lot %1 received; bin label printed</source>
        <translation>批次 %1 已接收；料箱标签已打印</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="331" />
        <source>Put the label on the bin; the lot stays in quarantine.</source>
        <translation>请将标签贴在料箱上；该批次保持隔离。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="335" />
        <source>The printer holds the bin label</source>
        <translation>打印机暂存了料箱标签</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="337" />
        <source>Fix the printer; the label prints then.</source>
        <translation>请排除打印机故障，标签随后打印。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="351" />
        <source>Piece %1 selected</source>
        <translation>已选择单件 %1</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="369" />
        <source>Lot %1 opened</source>
        <translation>已打开批次 %1</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="373" />
        <source>Lot not found</source>
        <translation>未找到批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="380" />
        <source>No lot selected</source>
        <translation>未选择批次</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="381" />
        <source>The inspection is recorded against a lot.</source>
        <translation>检验记录针对批次。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="382" />
        <source>Scan the lot's bin label, or choose it in the list.</source>
        <translation>请扫描批次的料箱标签，或在列表中选择。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="407" />
        <source>Inspection accepted: %1</source>
        <translation>检验合格：%1</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="411" />
        <source>Inspection failed: %1 (recorded)</source>
        <translation>检验不合格：%1（已记录）</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="413" />
        <source>The piece is rejected.</source>
        <translation>该单件已拒收。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="415" />
        <source>Reject the lot (F10), or inspect it again.</source>
        <translation>请拒收该批次（F10），或重新检验。</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="432" />
        <source>Release of lot %1 (%2 from %3) for use</source>
        <translation>放行批次 %1（%2，供应商 %3）以供使用</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="456" />
        <source>Lot %1 released for use</source>
        <translation>批次 %1 已放行使用</translation>
    </message>
    <message>
        <location filename="../receiving.py" line="460" />
        <source>Lot %1 rejected</source>
        <translation>批次 %1 已拒收</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../packaging_parts.py" line="202" />
        <source>Reconcile labels</source>
        <translation>标签对账</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="207" />
        <source>Labels applied</source>
        <translation>已贴标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="208" />
        <source>Labels destroyed</source>
        <translation>已销毁标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="209" />
        <source>Labels returned unused</source>
        <translation>未用退回标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="214" />
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="217" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="222" />
        <source>Label reconciliation of %1</source>
        <translation>标签对账：%1</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="224" />
        <source>Count the labels of this lot on the line.</source>
        <translation>清点产线上本批次的标签。</translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <location filename="../dashboard_parts.py" line="200" />
        <source>Click a bar, a row or a tile (or Tab to it and press Enter): the records behind it are listed here.</source>
        <translation>点击柱条、行或方块（或用 Tab 键移到其上并按 Enter）：其背后的记录将列在此处。</translation>
    </message>
    <message>
        <location filename="../dashboard_parts.py" line="224" />
        <source>%1 of %2 shown</source>
        <translation>共 %2 条，显示 %1 条</translation>
    </message>
</context>
<context>
    <name>ReleaseTab</name>
    <message>
        <location filename="../qc_tabs.py" line="48" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="48" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="48" />
        <source>Units</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="48" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="51" />
        <source>Release lot…</source>
        <translation>放行批次…</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="52" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="54" />
        <source>Lots awaiting release (Enter opens)</source>
        <translation>待放行批次（Enter 打开）</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="74" />
        <source>● ready</source>
        <translation>● 就绪</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="77" />
        <source>%1 NCR not closed</source>
        <translation>%1 个 NCR 未关闭</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="79" />
        <source>%1 hold(s)</source>
        <translation>%1 个冻结</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="81" />
        <source>%1 SPC flag(s)</source>
        <translation>%1 个 SPC 标记</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="83" />
        <source>in production</source>
        <translation>生产中</translation>
    </message>
</context>
<context>
    <name>ReviewBrowser</name>
    <message>
        <location filename="../qc_review.py" line="98" />
        <source>Scan a lot label or a unit label to see its review.</source>
        <translation>扫描批次标签或单件标签，查看其审核。</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="109" />
        <source>Lot %1 · %2</source>
        <translation>批次 %1 · %2</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="110" />
        <source>GTIN %1 · status: %2</source>
        <translation>GTIN %1 · 状态：%2</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="132" />
        <source>✔  RELEASED — signed</source>
        <translation>✔  已放行 — 已签名</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="135" />
        <source>✖  NOT READY FOR RELEASE — %1 blocker(s)</source>
        <translation>✖  不能放行 — %1 个阻碍项</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="145" />
        <source>●  READY FOR RELEASE — %1 item(s): press F9 to release</source>
        <translation>●  可以放行 — %1 件：按 F9 放行</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="161" />
        <source>every step passed</source>
        <translation>全部工序已通过</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="165" />
        <source>Unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="165" />
        <location filename="../qc_review.py" line="182" />
        <location filename="../qc_review.py" line="249" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="165" />
        <source>Steps passed</source>
        <translation>已通过工序</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="165" />
        <source>Next step</source>
        <translation>下一工序</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="166" />
        <source>Units</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="180" />
        <source>NCR</source>
        <translation>NCR</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="181" />
        <location filename="../qc_review.py" line="204" />
        <location filename="../qc_review.py" line="224" />
        <location filename="../qc_review.py" line="248" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="183" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="184" />
        <source>Disposition and signature</source>
        <translation>处置与签名</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="186" />
        <source>Nonconformances</source>
        <translation>不合格品</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="203" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="205" />
        <location filename="../qc_review.py" line="246" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="206" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="207" />
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="209" />
        <source>Deviations and overrides</source>
        <translation>偏差与超控</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="216" />
        <source>ON HOLD</source>
        <translation>冻结中</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="216" />
        <source>released</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="225" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="226" />
        <location filename="../qc_review.py" line="250" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="227" />
        <source>Placed</source>
        <translation>冻结记录</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="228" />
        <source>Released</source>
        <translation>解除记录</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="230" />
        <source>Holds</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="233" />
        <source>reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="234" />
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="247" />
        <source>Job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="252" />
        <source>Reprinted and voided labels</source>
        <translation>补打与作废的标签</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <location filename="../tasks.py" line="99" />
        <source>The database at {host} is not answering: what you just did (your last scan) was not recorded. Do it again when the database light is green.</source>
        <extracomment>When the last call returned on its worker thread (monotonic ns): a use case has committed by then. The latency bench reads it.</extracomment>
        <translation>数据库 {host} 无响应：您刚才的操作（上一次扫描）未被记录。请在数据库指示灯变绿后重新操作。</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="104" />
        <source>The database is not answering: what you just did (your last scan) was not recorded. Do it again when the database light is green.</source>
        <translation>数据库无响应：您刚才的操作（上一次扫描）未被记录。请在数据库指示灯变绿后重新操作。</translation>
    </message>
    <message>
        <location filename="../tasks.py" line="114" />
        <source>The database at {host} stopped answering while recording what you just did: it may have been recorded. Look at the record before doing it again.</source>
        <translation>数据库 {host} 在记录您刚才的操作时停止响应：该操作可能已被记录。请先查看记录，再决定是否重新操作。</translation>
    </message>
</context>
<context>
    <name>ServiceScreen</name>
    <message>
        <location filename="../service.py" line="53" />
        <source>Service</source>
        <extracomment>The after-sale records made with F8 (a repair that replaces a part is F9).</extracomment>
        <translation>售后服务</translation>
    </message>
    <message>
        <location filename="../service.py" line="57" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../service.py" line="60" />
        <source>No unit scanned</source>
        <translation>未扫描单件</translation>
    </message>
    <message>
        <location filename="../service.py" line="61" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../service.py" line="61" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../service.py" line="61" />
        <source>By</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../service.py" line="61" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../service.py" line="62" />
        <source>Part</source>
        <translation>物料</translation>
    </message>
    <message>
        <location filename="../service.py" line="62" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../service.py" line="67" />
        <location filename="../service.py" line="143" />
        <source>(no site)</source>
        <translation>（无地点）</translation>
    </message>
    <message>
        <location filename="../service.py" line="69" />
        <source>what was done; for a return: the RMA and why</source>
        <translation>所做工作；退回时：RMA 编号及原因</translation>
    </message>
    <message>
        <location filename="../service.py" line="70" />
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../service.py" line="71" />
        <source>Installation, service, return, disposal</source>
        <translation>安装、维护、退回、处置</translation>
    </message>
    <message>
        <location filename="../service.py" line="81" />
        <source>part taken out (scan)</source>
        <translation>拆下的部件（扫描）</translation>
    </message>
    <message>
        <location filename="../service.py" line="82" />
        <source>part fitted (scan)</source>
        <translation>装入的部件（扫描）</translation>
    </message>
    <message>
        <location filename="../service.py" line="83" />
        <source>what was wrong</source>
        <translation>故障原因</translation>
    </message>
    <message>
        <location filename="../service.py" line="84" />
        <source>Replace a part</source>
        <translation>更换部件</translation>
    </message>
    <message>
        <location filename="../service.py" line="85" />
        <source>Record repair</source>
        <translation>登记维修</translation>
    </message>
    <message>
        <location filename="../service.py" line="86" />
        <source>Repair: replace a part</source>
        <translation>维修：更换部件</translation>
    </message>
    <message>
        <location filename="../service.py" line="127" />
        <source>Scan the unit's serial</source>
        <translation>请扫描单件序列号</translation>
    </message>
    <message>
        <location filename="../service.py" line="129" />
        <source>Scan the part taken out</source>
        <translation>请扫描拆下的部件</translation>
    </message>
    <message>
        <location filename="../service.py" line="131" />
        <source>Scan the part fitted</source>
        <translation>请扫描装入的部件</translation>
    </message>
    <message>
        <location filename="../service.py" line="133" />
        <source>Record what was done (F8), or replace a part (F6)</source>
        <translation>登记所做工作（F8），或更换部件（F6）</translation>
    </message>
    <message>
        <location filename="../service.py" line="158" />
        <source>Say what was wrong, then record the repair (F9)</source>
        <translation>请说明故障，然后登记维修（F9）</translation>
    </message>
    <message>
        <location filename="../service.py" line="164" />
        <source>Not a unit</source>
        <translation>不是单件</translation>
    </message>
    <message>
        <location filename="../service.py" line="169" />
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../service.py" line="194" />
        <source>No unit</source>
        <translation>未载入单件</translation>
    </message>
    <message>
        <location filename="../service.py" line="195" />
        <source>No unit has been scanned.</source>
        <translation>尚未扫描单件。</translation>
    </message>
    <message>
        <location filename="../service.py" line="196" />
        <source>Scan the unit's serial first.</source>
        <translation>请先扫描单件序列号。</translation>
    </message>
    <message>
        <location filename="../service.py" line="217" />
        <source>%1 recorded: %2</source>
        <translation>%1 已登记：%2</translation>
    </message>
    <message>
        <location filename="../service.py" line="220" />
        <source>The unit is %1</source>
        <translation>单件状态：%1</translation>
    </message>
    <message>
        <location filename="../service.py" line="244" />
        <source>Repair refused</source>
        <translation>维修被拒绝</translation>
    </message>
    <message>
        <location filename="../service.py" line="251" />
        <source>Repair recorded: %1</source>
        <translation>维修已登记：%1</translation>
    </message>
</context>
<context>
    <name>ShipmentsPanel</name>
    <message>
        <location filename="../shipping_parts.py" line="40" />
        <source>Open shipment</source>
        <translation>新建发货单</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="41" />
        <source>New shipment</source>
        <translation>新建发货单</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="43" />
        <source>Ship to (customer · site)</source>
        <translation>发往（客户 · 地点）</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="46" />
        <source>Shipment</source>
        <translation>发货单</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="46" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="46" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../shipping_parts.py" line="51" />
        <source>Shipments</source>
        <translation>发货单列表</translation>
    </message>
</context>
<context>
    <name>ShippingScreen</name>
    <message>
        <location filename="../shipping.py" line="52" />
        <source>Shipping</source>
        <translation>发货</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="56" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="100" />
        <source>Choose the customer's site and open a shipment (F2)</source>
        <translation>选择客户地点并新建发货单（F2）</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="102" />
        <source>Scan the cases, pallets or units to ship</source>
        <translation>请扫描要发货的箱、托盘或单件</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="104" />
        <source>Scan the next one, or confirm shipped (F8)</source>
        <translation>请扫描下一个，或确认发货（F8）</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="106" />
        <source>Print the delivery note (F6); record the proof of delivery (F9)</source>
        <translation>打印送货单（F6）；登记签收（F9）</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="108" />
        <source>Delivered: open the next shipment (F2)</source>
        <translation>已送达：新建下一张发货单（F2）</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="140" />
        <source>No customer site</source>
        <translation>没有客户地点</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="141" />
        <source>The master data has no customer site to ship to.</source>
        <translation>主数据中没有可发货的客户地点。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="142" />
        <source>Load the customers and their sites in the master data.</source>
        <translation>请在主数据中加载客户及其地点。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="151" />
        <source>0 scanned</source>
        <translation>已扫描 0</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="153" />
        <source>Shipment %1 opened</source>
        <translation>发货单 %1 已新建</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="154" />
        <source>to %1 · %2</source>
        <translation>发往 %1 · %2</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="164" />
        <source>No open shipment</source>
        <translation>没有未发货的发货单</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="165" />
        <source>Scan %1 was not added: no shipment is open.</source>
        <translation>扫描 %1 未添加：没有打开的发货单。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="168" />
        <source>Open a shipment for the customer's site first (F2).</source>
        <translation>请先为客户地点新建发货单（F2）。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="176" />
        <location filename="../shipping.py" line="251" />
        <source>Not shipped</source>
        <translation>不得发货</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="183" />
        <source>%1 added</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="184" />
        <source>%1 on shipment %2</source>
        <translation>发货单 %2 上共 %1 项</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="195" />
        <source>Nothing to take off</source>
        <translation>没有可移除的项</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="196" />
        <source>Select a scanned line of an open shipment.</source>
        <translation>请选择未发货发货单上已扫描的一行。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="197" />
        <source>Choose the case, pallet or unit in the list, then F4.</source>
        <translation>请在列表中选择箱、托盘或单件，然后按 F4。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="204" />
        <source>Taken off shipment %1</source>
        <translation>已从发货单 %1 移除</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="211" />
        <source>No shipment</source>
        <translation>没有发货单</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="212" />
        <source>There is no shipment to write a delivery note for.</source>
        <translation>没有可生成送货单的发货单。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="213" />
        <source>Open or choose a shipment first.</source>
        <translation>请先新建或选择发货单。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="226" />
        <source>Delivery note not written</source>
        <translation>送货单未生成</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="227" />
        <source>%1 cannot be written: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="230" />
        <source>Check that the folder exists and may be written, then F6 again.</source>
        <translation>请检查文件夹存在且可写，然后再按 F6。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="235" />
        <source>Delivery note of %1 written</source>
        <translation>%1 的送货单已生成</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="242" />
        <source>Nothing to confirm</source>
        <translation>没有可确认的发货单</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="243" />
        <source>No open shipment is chosen.</source>
        <translation>未选择未发货的发货单。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="244" />
        <source>Open a shipment and scan what leaves, then F8.</source>
        <translation>请新建发货单并扫描出货物品，然后按 F8。</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="258" />
        <source>Shipment %1 shipped</source>
        <translation>发货单 %1 已发货</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="259" />
        <source>%1 units to %2</source>
        <translation>%1 个单件发往 %2</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="275" />
        <source>Proof of delivery refused</source>
        <translation>签收登记被拒绝</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="282" />
        <source>Delivery of %1 recorded</source>
        <translation>%1 的签收已登记</translation>
    </message>
    <message>
        <location filename="../shipping.py" line="283" />
        <source>signed for by %1</source>
        <translation>签收人 %1</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../signature.py" line="64" />
        <location filename="../signature.py" line="77" />
        <source>Electronic signature</source>
        <extracomment>sign(username or None, password, reason) -&gt; the use case's result (runs on a worker thread) A signer who logged in with an authenticator code signs with one too.</extracomment>
        <translation>电子签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="81" />
        <source>You sign</source>
        <translation>签署内容</translation>
    </message>
    <message>
        <location filename="../signature.py" line="82" />
        <location filename="../signature.py" line="141" />
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <location filename="../signature.py" line="89" />
        <source>Say why, in words a reviewer will understand</source>
        <translation>说明原因，让审核人能看懂</translation>
    </message>
    <message>
        <location filename="../signature.py" line="92" />
        <location filename="../signature.py" line="95" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="93" />
        <location filename="../signature.py" line="96" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../signature.py" line="97" />
        <source>6 digits from your authenticator app</source>
        <translation>身份验证器应用中的 6 位数字</translation>
    </message>
    <message>
        <location filename="../signature.py" line="99" />
        <source>Authenticator code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <location filename="../signature.py" line="106" />
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="109" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../signature.py" line="119" />
        <source>First signature of this session: enter your user name and your password.</source>
        <translation>本次会话首次签名：请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="122" />
        <source>You signed earlier in this session: enter your password.</source>
        <translation>本次会话中您已签过名：请输入密码。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="125" />
        <source>It records name, date, time and meaning; it binds like a handwritten one.</source>
        <translation>签名将记录姓名、日期、时间和签名含义，与手写签名具有同等约束力。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="131" />
        <source>✔  Signed</source>
        <translation>✔  已签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="139" />
        <source>Printed name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="140" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../signature.py" line="153" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../signature.py" line="192" />
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
    <message>
        <location filename="../signature.py" line="217" />
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="219" />
        <source>Nothing was recorded. Try again or Esc.</source>
        <translation>未记录任何内容。请重试，或按 Esc。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="243" />
        <source>Scan not used</source>
        <translation>扫描未被采用</translation>
    </message>
    <message>
        <location filename="../signature.py" line="244" />
        <source>The scan "%1" was not used while this signature is open.</source>
        <translation>签名进行中，扫描“%1”未被采用。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="247" />
        <source>Sign or cancel first, then scan again.</source>
        <translation>请先签名或取消，然后重新扫描。</translation>
    </message>
</context>
<context>
    <name>SimulatorPanel</name>
    <message>
        <location filename="../simulator_panel.py" line="46" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../simulator_panel.py" line="48" />
        <source>Put on scale</source>
        <translation>放上秤</translation>
    </message>
    <message>
        <location filename="../simulator_panel.py" line="49" />
        <source>Unstable</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../simulator_panel.py" line="63" />
        <location filename="../simulator_panel.py" line="67" />
        <source>Simulated scanner</source>
        <translation>模拟扫描枪</translation>
    </message>
    <message>
        <location filename="../simulator_panel.py" line="66" />
        <source>type a barcode, Enter</source>
        <translation>输入条码，按 Enter</translation>
    </message>
    <message>
        <location filename="../simulator_panel.py" line="75" />
        <source>Simulated scale</source>
        <translation>模拟秤</translation>
    </message>
    <message>
        <location filename="../simulator_panel.py" line="79" />
        <source>Weight on the simulated scale, grams</source>
        <translation>模拟秤上的重量（克）</translation>
    </message>
</context>
<context>
    <name>SpcTab</name>
    <message>
        <location filename="../qc_spc.py" line="36" />
        <source>Open anomaly flags</source>
        <translation>待处置的异常标记</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="39" />
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="40" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="41" />
        <source>Lot</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="42" />
        <location filename="../qc_spc.py" line="54" />
        <source>Step</source>
        <translation>工序</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="43" />
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="44" />
        <source>Rule broken</source>
        <translation>违反的规则</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="45" />
        <source>Raised</source>
        <translation>产生时间</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="49" />
        <source>Reason: what was found and what was done</source>
        <translation>原因：发现了什么、做了什么</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="50" />
        <source>Disposition flag</source>
        <translation>处置标记</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="53" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="55" />
        <source>Specification</source>
        <translation>规格</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="56" />
        <source>Readings</source>
        <translation>读数个数</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="57" />
        <source>Control limits in force</source>
        <translation>现行控制限</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="58" />
        <source>Frozen</source>
        <translation>锁定人/时间</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="64" />
        <source>latest </source>
        <translation>最近 </translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="65" />
        <source> readings</source>
        <translation> 个读数</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="66" />
        <source>Freeze limits…</source>
        <translation>锁定控制限…</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="76" />
        <source>Compute from the</source>
        <translation>计算依据：</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="85" />
        <source>Control limits of the numeric steps</source>
        <translation>数值工序的控制限</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="93" />
        <source>Open anomaly flags: %1 (a lot is not released while it has one)</source>
        <translation>待处置的异常标记：%1（有未处置标记的批次不能放行）</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="135" />
        <source>%1 – %2, centre %3 (%4 readings)</source>
        <translation>%1 – %2，中心线 %3（%4 个读数）</translation>
    </message>
    <message>
        <location filename="../qc_spc.py" line="141" />
        <source>none frozen</source>
        <translation>未锁定</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../first_run_pages.py" line="42" />
        <source>This station</source>
        <translation>本工位</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="43" />
        <source>Name the station and say what it is for.</source>
        <translation>为工位命名并说明其用途。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="51" />
        <source>Production (real devices only, strict passwords)</source>
        <translation>生产模式（仅真实设备，严格密码）</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="54" />
        <source>Station name</source>
        <translation>工位名称</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="55" />
        <source>Station kind</source>
        <translation>工位类型</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="56" />
        <source>Screen language</source>
        <translation>界面语言</translation>
    </message>
</context>
<context>
    <name>TemplatesScreen</name>
    <message>
        <location filename="../templates.py" line="62" />
        <source>Label templates</source>
        <translation>标签模板</translation>
    </message>
    <message>
        <location filename="../templates.py" line="66" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../templates.py" line="70" />
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../templates.py" line="70" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../templates.py" line="70" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../templates.py" line="70" />
        <source>Approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../templates.py" line="73" />
        <source>Template file (JSON)</source>
        <translation>模板文件（JSON）</translation>
    </message>
    <message>
        <location filename="../templates.py" line="74" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../templates.py" line="75" />
        <source>Register as draft</source>
        <translation>登记为草稿</translation>
    </message>
    <message>
        <location filename="../templates.py" line="76" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../templates.py" line="77" />
        <source>Approve (sign)</source>
        <translation>批准（签名）</translation>
    </message>
    <message>
        <location filename="../templates.py" line="78" />
        <source>Preview with sample data</source>
        <translation>示例数据预览</translation>
    </message>
    <message>
        <location filename="../templates.py" line="85" />
        <source>Versions (Enter previews)</source>
        <translation>版本（Enter 预览）</translation>
    </message>
    <message>
        <location filename="../templates.py" line="127" />
        <source>Choose a version to preview it</source>
        <translation>选择一个版本进行预览</translation>
    </message>
    <message>
        <location filename="../templates.py" line="130" />
        <source>Check the preview, then approve it</source>
        <translation>检查预览，然后批准</translation>
    </message>
    <message>
        <location filename="../templates.py" line="132" />
        <source>Check the preview, then approve (F9)</source>
        <translation>检查预览，然后批准（F9）</translation>
    </message>
    <message>
        <location filename="../templates.py" line="136" />
        <source>Choose a draft to approve, or register a new version</source>
        <translation>选择要批准的草稿，或登记新版本</translation>
    </message>
    <message>
        <location filename="../templates.py" line="138" />
        <source>Choose a draft to approve, or register a new version (F6)</source>
        <translation>选择要批准的草稿，或登记新版本（F6）</translation>
    </message>
    <message>
        <location filename="../templates.py" line="177" />
        <source>%1 version %2 · %3</source>
        <translation>%1 版本 %2 · %3</translation>
    </message>
    <message>
        <location filename="../templates.py" line="185" />
        <source>Sample data: %1</source>
        <translation>示例数据：%1</translation>
    </message>
    <message>
        <location filename="../templates.py" line="192" />
        <source>Label template file</source>
        <translation>标签模板文件</translation>
    </message>
    <message>
        <location filename="../templates.py" line="192" />
        <source>Label templates (*.json)</source>
        <translation>标签模板 (*.json)</translation>
    </message>
    <message>
        <location filename="../templates.py" line="201" />
        <source>No file</source>
        <translation>没有文件</translation>
    </message>
    <message>
        <location filename="../templates.py" line="202" />
        <source>A new version is registered from a template file.</source>
        <translation>新版本须从模板文件登记。</translation>
    </message>
    <message>
        <location filename="../templates.py" line="203" />
        <source>Choose the template file (F4), then register it (F6).</source>
        <translation>请选择模板文件（F4），然后登记（F6）。</translation>
    </message>
    <message>
        <location filename="../templates.py" line="211" />
        <source>%1 version %2 registered as a draft</source>
        <translation>%1 版本 %2 已登记为草稿</translation>
    </message>
    <message>
        <location filename="../templates.py" line="214" />
        <source>Check its preview, then approve it (F9).</source>
        <translation>请检查预览，然后批准（F9）。</translation>
    </message>
    <message>
        <location filename="../templates.py" line="223" />
        <source>No version chosen</source>
        <translation>未选择版本</translation>
    </message>
    <message>
        <location filename="../templates.py" line="224" />
        <source>Approval signs one version of one template.</source>
        <translation>批准是对一个模板的一个版本签名。</translation>
    </message>
    <message>
        <location filename="../templates.py" line="225" />
        <source>Choose the version in the list and check its preview first.</source>
        <translation>请先在列表中选择版本并检查其预览。</translation>
    </message>
    <message>
        <location filename="../templates.py" line="235" />
        <source>Label template %1 version %2</source>
        <translation>标签模板 %1 版本 %2</translation>
    </message>
    <message>
        <location filename="../templates.py" line="243" />
        <source>(supersedes version %1)</source>
        <translation>（取代版本 %1）</translation>
    </message>
    <message>
        <location filename="../templates.py" line="260" />
        <source>%1 version %2 approved</source>
        <translation>%1 版本 %2 已批准</translation>
    </message>
    <message>
        <location filename="../templates.py" line="278" />
        <source>Templates are chosen in the list; scans are not used here.</source>
        <translation>模板在列表中选择；此处不使用扫描。</translation>
    </message>
</context>
<context>
    <name>TraceScreen</name>
    <message>
        <location filename="../trace.py" line="50" />
        <source>Scan or type a UDI, serial, lot, SSCC or supplier lot, then Enter</source>
        <translation>扫描或输入 UDI、序列号、批次、SSCC 或供应商批次，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../trace.py" line="58" />
        <location filename="../trace.py" line="74" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../trace.py" line="59" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../trace.py" line="60" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../trace.py" line="61" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../trace.py" line="62" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../trace.py" line="63" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../trace.py" line="70" />
        <source>Shipment or record</source>
        <translation>发货单或记录</translation>
    </message>
    <message>
        <location filename="../trace.py" line="71" />
        <location filename="../trace.py" line="99" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../trace.py" line="72" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../trace.py" line="73" />
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../trace.py" line="77" />
        <source>Export what is shown</source>
        <translation>导出当前内容</translation>
    </message>
    <message>
        <location filename="../trace.py" line="80" />
        <source>Backward: what went into it</source>
        <translation>反向追溯：所用物料</translation>
    </message>
    <message>
        <location filename="../trace.py" line="81" />
        <source>Forward: where it went</source>
        <translation>正向追溯：去向</translation>
    </message>
    <message>
        <location filename="../trace.py" line="82" />
        <source>Shipments, customers, sites</source>
        <translation>发货、客户、地点</translation>
    </message>
    <message>
        <location filename="../trace.py" line="83" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../trace.py" line="94" />
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <location filename="../trace.py" line="99" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../trace.py" line="99" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../trace.py" line="99" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../trace.py" line="120" />
        <source>Tracing…</source>
        <translation>正在追溯…</translation>
    </message>
    <message>
        <location filename="../trace.py" line="125" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../trace.py" line="127" />
        <source>Scan the UDI label, or type a serial, lot or SSCC.</source>
        <translation>请扫描 UDI 标签，或输入序列号、批次或 SSCC。</translation>
    </message>
    <message>
        <location filename="../trace.py" line="158" />
        <source>%1 units downstream, %2 customers reached.</source>
        <translation>下游 %1 件，涉及 %2 个客户。</translation>
    </message>
    <message>
        <location filename="../trace.py" line="161" />
        <source>Only the first 500 items of each direction are shown.</source>
        <translation>每个方向仅显示前 500 项。</translation>
    </message>
    <message>
        <location filename="../trace.py" line="173" />
        <source>removed</source>
        <translation>已拆除</translation>
    </message>
    <message>
        <location filename="../trace.py" line="199" />
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context><name>services</name><message><source> (job {job}, {status})</source><translation>（任务 {job}，{status}）</translation></message><message><source>"{characteristic}" is not in the incoming inspection plan of {subject}: its characteristics are {known}</source><translation>“{characteristic}”不在 {subject} 的来料检验计划中：其检验特性为 {known}</translation></message><message><source>"{kind}" is not an after-sale event: use {kinds}</source><translation>“{kind}”不是售后事件：请使用 {kinds}</translation></message><message><source>"{number}" is not an anomaly flag: give its number (SPC-000001)</source><translation>“{number}”不是异常标记：请提供其编号（SPC-000001）</translation></message><message><source>"{record}" is not a kind of record that can be signed</source><translation>“{record}”不是可签名的记录类型</translation></message><message><source>#</source><translation>#</translation></message><message><source>1. Dates and quantities of manufacture</source><translation>1. 生产日期和数量</translation></message><message><source>12. Audit trail excerpt (entries about these items, events and labels)</source><translation>12. 审计追踪摘录（与这些物品、事件和标签有关的记录）</translation></message><message><source>2. Units</source><translation>2. 单件</translation></message><message><source>3. Production and inspection steps</source><translation>3. 生产和检验工序</translation></message><message><source>4. Inspections against limits</source><translation>4. 按限值检验</translation></message><message><source>4a. SPC of the numeric steps</source><translation>4a. 数值工序的 SPC</translation></message><message><source>5. Nonconformances, with disposition and signature</source><translation>5. 不合格品及其处置和签名</translation></message><message><source>6. Labels printed (UDI as printed)</source><translation>6. 已打印标签（按打印的 UDI）</translation></message><message><source>7. Component and material lots</source><translation>7. 部件和物料批次</translation></message><message><source>9. Release for distribution</source><translation>9. 放行销售</translation></message><message><source>9. Release for distribution (electronic signature)</source><translation>9. 放行销售（电子签名）</translation></message><message><source>Action</source><translation>操作</translation></message><message><source>Age</source><translation>时长</translation></message><message><source>Audit trail: {chain}.</source><translation>审计追踪：{chain}。</translation></message><message><source>Batch record (device history record)</source><translation>批生产记录（DHR）</translation></message><message><source>Batch record: {title}</source><translation>批生产记录：{title}</translation></message><message><source>Case / pallet SSCC</source><translation>箱 / 托盘 SSCC</translation></message><message><source>Characteristic</source><translation>检验特性</translation></message><message><source>Component (part, supplier, lot)</source><translation>部件（零件、供应商、批次）</translation></message><message><source>Consumed into</source><translation>耗用于</translation></message><message><source>Counted in</source><translation>计数单位</translation></message><message><source>Customer</source><translation>客户</translation></message><message><source>Date and time</source><translation>日期和时间</translation></message><message><source>Description</source><translation>描述</translation></message><message><source>Device history record (ISO 13485 7.5.1, 21 CFR 820)</source><translation>批生产记录（ISO 13485 7.5.1，21 CFR 820）</translation></message><message><source>Disposition</source><translation>处置</translation></message><message><source>Dispositioned at</source><translation>处置时间</translation></message><message><source>Element string</source><translation>元素串</translation></message><message><source>End of batch record.</source><translation>批生产记录结束。</translation></message><message><source>Event</source><translation>事件</translation></message><message><source>Field</source><translation>项目</translation></message><message><source>First event (start of manufacture)</source><translation>首个事件（开始生产）</translation></message><message><source>Flag</source><translation>标记</translation></message><message><source>From</source><translation>从</translation></message><message><source>GTIN "{gtin}" is not a product: give the product's GTIN</source><translation>GTIN“{gtin}”不是产品：请提供产品的 GTIN</translation></message><message><source>Generated</source><translation>生成时间</translation></message><message><source>Generated by</source><translation>生成人</translation></message><message><source>HRI</source><translation>人工可读信息</translation></message><message><source>Held</source><translation>被冻结对象</translation></message><message><source>Holds</source><translation>冻结</translation></message><message><source>Inspector</source><translation>检验员</translation></message><message><source>Item</source><translation>物品</translation></message><message><source>Job</source><translation>打印任务</translation></message><message><source>Job / item</source><translation>任务 / 物品</translation></message><message><source>Kind</source><translation>类型</translation></message><message><source>Label templates</source><translation>标签模板</translation></message><message><source>Labels</source><translation>标签数</translation></message><message><source>Labels issued in the window</source><translation>时段内发放的标签</translation></message><message><source>Labels issued: {issued} ({originals} original, {reprints} reprint(s)); verified by scan-back: {verified}; voided: {voided}.</source><translation>发放标签：{issued} 张（首次打印 {originals} 张，补打 {reprints} 张）；回扫验证：{verified} 张；作废：{voided} 张。</translation></message><message><source>Last event</source><translation>最后事件</translation></message><message><source>Last notified at</source><translation>最近通知时间</translation></message><message><source>Last step at</source><translation>最近工序时间</translation></message><message><source>Lot</source><translation>批次</translation></message><message><source>Lotline batch record: {title} | generated {at} by {name} ({user})</source><translation>Lotline 批生产记录：{title} | 生成于 {at}，生成人 {name}（{user}）</translation></message><message><source>Lower</source><translation>下限</translation></message><message><source>Manufactured</source><translation>完工数量</translation></message><message><source>Meaning</source><translation>签名含义</translation></message><message><source>Missing</source><translation>缺少</translation></message><message><source>Moving range</source><translation>移动极差</translation></message><message><source>NCR</source><translation>不合格品报告</translation></message><message><source>NO</source><translation>否</translation></message><message><source>NO: {problem}</source><translation>否：{problem}</translation></message><message><source>No role may do this</source><translation>没有角色可以执行此操作</translation></message><message><source>Nominal</source><translation>标称值</translation></message><message><source>None recorded.</source><translation>无记录。</translation></message><message><source>Not released: no release signature.</source><translation>未放行：无放行签名。</translation></message><message><source>Opened</source><translation>开立</translation></message><message><source>Opened at</source><translation>开立时间</translation></message><message><source>Ordered</source><translation>计划数量</translation></message><message><source>Outcome</source><translation>结果</translation></message><message><source>Part</source><translation>零件</translation></message><message><source>Parts removed / fitted</source><translation>拆下 / 装上的零件</translation></message><message><source>Placed</source><translation>冻结人</translation></message><message><source>Placed at</source><translation>冻结时间</translation></message><message><source>Printed / verified</source><translation>打印 / 验证</translation></message><message><source>Printed name</source><translation>签名人姓名</translation></message><message><source>Product</source><translation>产品</translation></message><message><source>Production date / expiry</source><translation>生产日期 / 失效日期</translation></message><message><source>Proof of delivery</source><translation>签收证明</translation></message><message><source>Quantity</source><translation>数量</translation></message><message><source>Quantity released for distribution: {quantity}.</source><translation>放行销售数量：{quantity}。</translation></message><message><source>Raised at</source><translation>触发时间</translation></message><message><source>Reading</source><translation>读数</translation></message><message><source>Readings</source><translation>读数次数</translation></message><message><source>Reason</source><translation>原因</translation></message><message><source>Reason / notes</source><translation>原因 / 备注</translation></message><message><source>Reconciled at</source><translation>对账时间</translation></message><message><source>Reconnects</source><translation>重连次数</translation></message><message><source>Record</source><translation>记录</translation></message><message><source>Record of</source><translation>记录对象</translation></message><message><source>Recorded at</source><translation>记录时间</translation></message><message><source>Refused</source><translation>拒绝次数</translation></message><message><source>Released</source><translation>放行数量</translation></message><message><source>Reprint / void</source><translation>补打 / 作废</translation></message><message><source>Reprint approval</source><translation>补打批准</translation></message><message><source>Requested at</source><translation>申请时间</translation></message><message><source>Result</source><translation>结果</translation></message><message><source>Roles that may: {roles}</source><translation>有此权限的角色：{roles}</translation></message><message><source>Route (DMR revision)</source><translation>工艺路线（DMR 版本）</translation></message><message><source>Rule</source><translation>规则</translation></message><message><source>Rule broken</source><translation>违反的规则</translation></message><message><source>S/N {serial}</source><translation>序列号 {serial}</translation></message><message><source>SSCC {sscc}</source><translation>SSCC {sscc}</translation></message><message><source>Scrapped</source><translation>报废数量</translation></message><message><source>Shipment</source><translation>发货</translation></message><message><source>Signature</source><translation>签名</translation></message><message><source>Signature verifies</source><translation>签名验证</translation></message><message><source>Site</source><translation>地点</translation></message><message><source>Started</source><translation>投产数量</translation></message><message><source>Station / device</source><translation>工位 / 设备</translation></message><message><source>Status</source><translation>状态</translation></message><message><source>Status now</source><translation>当前状态</translation></message><message><source>Step</source><translation>工序</translation></message><message><source>Step {step}. Limits: {limits}.</source><translation>工序 {step}。控制限：{limits}。</translation></message><message><source>Steps passed</source><translation>已通过工序数</translation></message><message><source>Supplier</source><translation>供应商</translation></message><message><source>Supplier lot</source><translation>供应商批次</translation></message><message><source>THE AUDIT CHAIN DOES NOT VERIFY: entry {entry}: {problem} ({count} entries checked)</source><translation>审计链验证未通过：第 {entry} 条：{problem}（已检查 {count} 条记录）</translation></message><message><source>Template</source><translation>模板</translation></message><message><source>To</source><translation>至</translation></message><message><source>UDI-DI (GTIN)</source><translation>UDI-DI（GTIN）</translation></message><message><source>Unit</source><translation>单件</translation></message><message><source>Units</source><translation>单件数</translation></message><message><source>Units notified</source><translation>已通知单件数</translation></message><message><source>Upper</source><translation>上限</translation></message><message><source>User</source><translation>用户</translation></message><message><source>User / station</source><translation>用户 / 工位</translation></message><message><source>Value</source><translation>数值</translation></message><message><source>Values</source><translation>数值</translation></message><message><source>Waiting</source><translation>等待时长</translation></message><message><source>When</source><translation>时间</translation></message><message><source>When (station's zone)</source><translation>时间（工位时区）</translation></message><message><source>When ({zone})</source><translation>时间（{zone}）</translation></message><message><source>Who</source><translation>人员</translation></message><message><source>Work order</source><translation>工单</translation></message><message><source>a baseline needs at least 1 subgroup</source><translation>基线至少需要 1 个子组</translation></message><message><source>a baseline needs at least 2 readings, not {n}</source><translation>基线至少需要 2 个读数，而不是 {n} 个</translation></message><message><source>a dashboard window of {hours} h: give 1 to {most} hours</source><translation>看板时段 {hours} 小时：请给出 1 到 {most} 小时</translation></message><message><source>a device health report needs counts of 0 or more and a period that ends after it starts</source><translation>设备健康报告需要 0 或以上的计数，且时段的结束须晚于开始</translation></message><message><source>a hold on "{scan}"</source><translation>对“{scan}”的冻结</translation></message><message><source>a reprint of label job {job} needs a reason: say what happened to the first label</source><translation>补打标签任务 {job} 需要原因：请说明第一张标签发生了什么</translation></message><message><source>active (not released)</source><translation>生效中（未解除）</translation></message><message><source>an NCR</source><translation>一份 NCR</translation></message><message><source>as signed; since then {count} part(s) were removed by later recorded events (repairs, unpacking)</source><translation>与签名时一致；此后有 {count} 个部件被后续记录的事件（维修、拆箱）移除</translation></message><message><source>ask QC to approve version {drafts}</source><translation>请 QC 批准版本 {drafts}</translation></message><message><source>badge "{badge}" already belongs to another user</source><translation>工牌“{badge}”已属于其他用户</translation></message><message><source>badge "{badge}" is not registered</source><translation>工牌“{badge}”未登记</translation></message><message><source>case (scan its SSCC label)</source><translation>箱（扫描其 SSCC 标签）</translation></message><message><source>case or pallet</source><translation>箱或托盘</translation></message><message><source>certificate "{path}" cannot be read ({error}): scan or copy the certificate to the shared folder first</source><translation>证书“{path}”无法读取（{error}）：请先将证书扫描或复制到共享文件夹</translation></message><message><source>closing {ncr} needs a note: say what was done</source><translation>关闭 {ncr} 需要填写说明：请写明所做的处理</translation></message><message><source>complete</source><translation>完整</translation></message><message><source>component</source><translation>组件</translation></message><message><source>component lot, lot or unit</source><translation>组件批次、批次或单件</translation></message><message><source>customer "{code}" does not exist: check the customer code</source><translation>客户“{code}”不存在：请核对客户代码</translation></message><message><source>database {time}</source><translation>数据库 {time}</translation></message><message><source>device "{name}" needs a port: a device path, COM port or socket://</source><translation>设备“{name}”需要端口：设备路径、COM 端口或 socket://</translation></message><message><source>device kind "{kind}" is not one of {kinds}</source><translation>设备类型“{kind}”不在 {kinds} 之中</translation></message><message><source>disposition "{disposition}" is not one of {codes}</source><translation>处置“{disposition}”无效：请使用 {codes} 之一</translation></message><message><source>disposition "{said}" is unknown: use {codes}</source><translation>处置“{said}”未知：请使用 {codes}</translation></message><message><source>dispositioned ({disposition}) but not closed</source><translation>已处置（{disposition}）但未关闭</translation></message><message><source>dispositioning {number} needs a reason: say what was found and what was done</source><translation>处置 {number} 需要原因：请说明发现了什么、做了什么</translation></message><message><source>enter the {what} ({limits})</source><translation>输入{what}（{limits}）</translation></message><message><source>event {event} was recorded for another item: the station must make a new event id for every step</source><translation>事件 {event} 已记录在另一物品上：工位必须为每道工序生成新的事件 ID</translation></message><message><source>every serial of work order {number} has its label: choose 'print again' to print them once more</source><translation>工单 {number} 的每个序列号都已有标签：如需再次打印，请选择“重新打印”</translation></message><message><source>file "{file}" does not exist: give the path of the CSV export</source><translation>文件“{file}”不存在：请提供 CSV 导出文件的路径</translation></message><message><source>first signature of this session: enter your user name and your password</source><translation>本次会话首次签名：请输入用户名和密码</translation></message><message><source>fitted: {part}</source><translation>装上：{part}</translation></message><message><source>give either a number of serials or the list of serials, not both</source><translation>请给出序列号数量或序列号清单，二者只能选一</translation></message><message><source>give the delivery time with its time zone</source><translation>请给出送达时间及其时区</translation></message><message><source>give the name of the person who signed for {shipment}</source><translation>请填写签收 {shipment} 的人员姓名</translation></message><message><source>give the reason for the decision about offline conflict {id}</source><translation>请说明对离线冲突 {id} 作出裁定的原因</translation></message><message><source>incoming inspection</source><translation>来料检验</translation></message><message><source>is in quarantine (not released by incoming inspection): use a released lot</source><translation>处于隔离中（来料检验未放行）：请使用已放行的批次</translation></message><message><source>is {status}: only released material is consumed</source><translation>{status}：只能耗用已放行的物料</translation></message><message><source>it has passed every step</source><translation>它已通过所有工序</translation></message><message><source>item</source><translation>物品</translation></message><message><source>item {id}</source><translation>物品 {id}</translation></message><message><source>its next step is "{step}"</source><translation>其下一道工序是“{step}”</translation></message><message><source>its production lot</source><translation>其生产批次</translation></message><message><source>kits</source><translation>套</translation></message><message><source>label counts cannot be negative: count again</source><translation>标签数量不能为负数：请重新清点</translation></message><message><source>label for "{purpose}": say unit or housing</source><translation>标签用途“{purpose}”无效：请选择单件或外壳</translation></message><message><source>label job {job} was never printed ({status}): retry the print with its key instead</source><translation>标签任务 {job} 从未打印（{status}）：请改用其任务键重试打印</translation></message><message><source>label job {job} {what}</source><translation>标签任务 {job} {what}</translation></message><message><source>label template "{name}" has no version {version}: register the shipped templates, or check the name and version</source><translation>标签模板“{name}”没有版本 {version}：请登记随附的模板，或核对名称和版本</translation></message><message><source>label template {name} has no approved version, so the label of {item} cannot be printed: {todo}</source><translation>标签模板 {name} 没有已批准的版本，因此无法打印 {item} 的标签：{todo}</translation></message><message><source>label template {name} version {version} cannot be previewed: {error}</source><translation>标签模板 {name} 版本 {version} 无法预览：{error}</translation></message><message><source>label template {name} version {version} is not valid: {error}</source><translation>标签模板 {name} 版本 {version} 无效：{error}</translation></message><message><source>label template {name} version {version} is {status}: only a draft is approved</source><translation>标签模板 {name} 版本 {version} 为{status}：只有草稿可以批准</translation></message><message><source>label template {name} version {version}: {error}</source><translation>标签模板 {name} 版本 {version}：{error}</translation></message><message><source>letters A-Z a-z, digits and {symbols}</source><translation>字母 A-Z a-z、数字及 {symbols}</translation></message><message><source>limits {limits}</source><translation>限值 {limits}</translation></message><message><source>log in first: a recall names the person who runs it</source><translation>请先登录：召回须写明执行人</translation></message><message><source>log in first: after-sale records name the person who made them</source><translation>请先登录：售后记录须注明记录人</translation></message><message><source>log in first: every label names the person who printed it</source><translation>请先登录：每张标签都须注明打印人</translation></message><message><source>log in first: holds are placed and released by a person</source><translation>请先登录：冻结须由具体人员施加和解除</translation></message><message><source>log in first: quality records name the person who made them</source><translation>请先登录：质量记录须注明记录人</translation></message><message><source>lot</source><translation>批次</translation></message><message><source>lot {lot}</source><translation>批次 {lot}</translation></message><message><source>lot {lot} of {part} expired on {date}: expired material is not received; return it to the supplier</source><translation>{part} 的批次 {lot} 已于 {date} 过期：过期物料不予接收；请退回供应商</translation></message><message><source>lot {lot} of {part} from {supplier} was received already ({status}, {quantity} {unit}): a lot is received once: check the delivery note and the supplier's lot label</source><translation>供应商 {supplier} 的 {part} 批次 {lot} 已接收过（{status}，{quantity} {unit}）：一个批次只接收一次：请核对送货单和供应商批次标签</translation></message><message><source>lot {lot} of {product} exists already: give the work order another</source><translation>{product} 的批次 {lot} 已存在：请为工单指定其他批次</translation></message><message><source>material lot {lot}</source><translation>物料批次 {lot}</translation></message><message><source>material release</source><translation>物料放行</translation></message><message><source>name either a customer code or the units (scans), not both and not none</source><translation>请写明客户代码或单件（扫描）之一，不能两者都有，也不能都没有</translation></message><message><source>name the calibration certificate (its number or file), e.g. CAL-2026-0042</source><translation>请填写校准证书（编号或文件），例如 CAL-2026-0042</translation></message><message><source>never reached the printer: retry the print with its key</source><translation>未送达打印机：请用其任务键重试打印</translation></message><message><source>new: {value}</source><translation>新值：{value}</translation></message><message><source>no active product</source><translation>没有启用的产品</translation></message><message><source>no hold in force</source><translation>没有生效的冻结</translation></message><message><source>no labels were issued for {lot}: there is nothing to reconcile</source><translation>{lot} 未发放任何标签：无需对账</translation></message><message><source>no open nonconformance</source><translation>没有未关闭的不合格品报告</translation></message><message><source>no parts</source><translation>无零件</translation></message><message><source>no product has data for China: give it in nmpa.toml and load the master data (docs/udi-china.md lists the fields)</source><translation>没有任何产品有中国数据：请在 nmpa.toml 中提供并加载主数据（字段见 docs/udi-china.md）</translation></message><message><source>no proof of delivery recorded</source><translation>未记录签收证明</translation></message><message><source>no role</source><translation>无角色</translation></message><message><source>no step recorded in the last {hours} h</source><translation>最近 {hours} 小时没有记录工序</translation></message><message><source>no unit built in the last {hours} h</source><translation>最近 {hours} 小时没有完成的单件</translation></message><message><source>nonconformance "{number}" does not exist: check the NCR number</source><translation>不合格品报告“{number}”不存在：请核对 NCR 编号</translation></message><message><source>nonconformance "{number}" does not exist: check the number</source><translation>不合格品报告“{number}”不存在：请核对编号</translation></message><message><source>none</source><translation>无</translation></message><message><source>none printed</source><translation>未打印</translation></message><message><source>not sent: {reason}</source><translation>未发送：{reason}</translation></message><message><source>not yet</source><translation>尚未</translation></message><message><source>nothing</source><translation>无</translation></message><message><source>nothing more</source><translation>无需更多</translation></message><message><source>nothing to ship: scan the units, cases or pallets first</source><translation>没有可发货的物品：请先扫描单件、箱或托盘</translation></message><message><source>nothing was imported: {count} problem(s) in the file</source><translation>未导入任何数据：文件中有 {count} 处问题</translation></message><message><source>offline conflict {id} was already decided ({decision}): nothing was changed</source><translation>离线冲突 {id} 已经裁定（{decision}）：未作任何更改</translation></message><message><source>old: {value}</source><translation>原值：{value}</translation></message><message><source>on hold since {date}: {reason}</source><translation>自 {date} 起冻结：{reason}</translation></message><message><source>on hold since {date}: {reason} ({ncr})</source><translation>自 {date} 起冻结：{reason}（{ncr}）</translation></message><message><source>on {pallet}</source><translation>在 {pallet} 上</translation></message><message><source>only a rework returns to a step; {disposition} does not</source><translation>只有返工才能退回到某道工序；{disposition}不能</translation></message><message><source>packing</source><translation>装箱</translation></message><message><source>page {page} of {pages}</source><translation>第 {page} 页，共 {pages} 页</translation></message><message><source>pallet (scan its SSCC label)</source><translation>托盘（扫描其 SSCC 标签）</translation></message><message><source>palletising</source><translation>码托</translation></message><message><source>part "{part}" is not in the master data: check the part number on the delivery note</source><translation>零件“{part}”不在主数据中：请核对送货单上的零件号</translation></message><message><source>part {part} is lot-controlled: give no serial numbers</source><translation>零件 {part} 按批次管理：请勿填写序列号</translation></message><message><source>part {part} is serialised: give one serial number for each of the {amount} pieces (got {count}, duplicates count once)</source><translation>零件 {part} 按序列号管理：{amount} 件每件需一个序列号（收到 {count} 个，重复的只计一次）</translation></message><message><source>place {item} on the scale ({limits})</source><translation>将{item} 放到秤上（{limits}）</translation></message><message><source>print job key "{key}" must be 1-{most} printable characters: the station makes one key per print request, so that a retry never prints twice</source><translation>打印任务键“{key}”须为 1-{most} 个可打印字符：工作站为每次打印请求生成一个键，以确保重试绝不会重复打印</translation></message><message><source>print job or labelled item</source><translation>打印任务或已贴标物品</translation></message><message><source>print the UDI label, apply it and scan it back</source><translation>打印 UDI 标签，贴上后回扫</translation></message><message><source>printed before with this key: nothing was printed again</source><translation>此任务键之前已打印：未再次打印</translation></message><message><source>printing its label</source><translation>打印其标签</translation></message><message><source>product "{product}" ({di}): {item} ({field}) is missing: add it to the product's data for China (nmpa.toml) and load the master data again</source><translation>产品“{product}”（{di}）：缺少{item}（{field}）：请在该产品的中国数据（nmpa.toml）中补充，然后重新加载主数据</translation></message><message><source>product "{product}" is not known: give its GTIN or its name as master data has it</source><translation>产品“{product}”未知：请按主数据提供其 GTIN 或名称</translation></message><message><source>product "{product}" matches {what}: give its GTIN or exact name</source><translation>产品“{product}”匹配到{what}：请给出其 GTIN 或准确名称</translation></message><message><source>production lot</source><translation>生产批次</translation></message><message><source>production lot or serial</source><translation>生产批次或序列号</translation></message><message><source>qualification "{name}" must be 1 to {limit} characters, e.g. "IPC soldering"</source><translation>资质“{name}”须为 1 至 {limit} 个字符，例如“IPC soldering”</translation></message><message><source>quantity "{quantity}" is not a number</source><translation>数量“{quantity}”不是数字</translation></message><message><source>quantity {quantity} must be more than zero: count the delivery</source><translation>数量 {quantity} 必须大于零：请清点来货</translation></message><message><source>raw frame: {frame}</source><translation>原始数据帧：{frame}</translation></message><message><source>reading "{value}" is not a number: enter the value</source><translation>读数“{value}”不是数字：请输入数值</translation></message><message><source>recall "{number}" does not exist: check the recall number</source><translation>召回“{number}”不存在：请检查召回编号</translation></message><message><source>received material lot</source><translation>已接收的物料批次</translation></message><message><source>record {id}</source><translation>记录 {id}</translation></message><message><source>register the templates</source><translation>请登记模板</translation></message><message><source>releasing the hold on "{scan}"</source><translation>解除对“{scan}”的冻结</translation></message><message><source>releasing the material</source><translation>放行物料</translation></message><message><source>removed (rework)</source><translation>已拆除（返工）</translation></message><message><source>removed: {part}</source><translation>拆下：{part}</translation></message><message><source>repair</source><translation>维修</translation></message><message><source>replaced by reprint {job}: {why}</source><translation>已被补打 {job} 取代：{why}</translation></message><message><source>reprint of {job}: {reason}</source><translation>补打 {job}：{reason}</translation></message><message><source>reprinting its label</source><translation>补打其标签</translation></message><message><source>rework cannot return {item} to step {step}: it can repeat a passed step ({passed})</source><translation>返工不能将 {item} 退回到工序 {step}：只能重做已通过的工序（{passed}）</translation></message><message><source>say what was wrong: a repair needs a reason</source><translation>请说明故障：维修需要原因</translation></message><message><source>say why the qualification is revoked (the reason is recorded)</source><translation>请说明撤销资质的原因（原因将被记录）</translation></message><message><source>scale {name}</source><translation>秤 {name}</translation></message><message><source>scan "{scan}"</source><translation>扫描“{scan}”</translation></message><message><source>scan "{scan}" has no GTIN (01): scan the supplier's label that holds the GTIN, the lot and the expiry</source><translation>扫描“{scan}”没有 GTIN (01)：请扫描供应商标签上含 GTIN、批次和有效期的条码</translation></message><message><source>scan "{scan}" has no serial number: scan the label of one piece</source><translation>扫描“{scan}”没有序列号：请扫描单件的标签</translation></message><message><source>scan "{scan}" holds only part of the label's UDI: scan the DataMatrix, which holds all of it</source><translation>扫描“{scan}”只包含标签 UDI 的一部分：请扫描包含完整 UDI 的 DataMatrix 码</translation></message><message><source>scan "{scan}" is a component, not a finished unit</source><translation>扫描“{scan}”是零部件，不是成品单件</translation></message><message><source>scan "{scan}" is a label of {found}, not of {part}: scan the serial of each piece of this delivery</source><translation>扫描“{scan}”是 {found} 的标签，不是 {part} 的：请扫描本交货批每一件的序列号</translation></message><message><source>scan "{scan}" is not a GS1 or HIBC label: scan the barcode on the supplier's label that holds the part and the lot</source><translation>扫描“{scan}”不是 GS1 或 HIBC 标签：请扫描供应商标签上含物料和批次的条码</translation></message><message><source>scan "{scan}" is not a finished serialised unit</source><translation>扫描“{scan}”不是序列号管理的成品单件</translation></message><message><source>scan "{scan}" is not a serial number: scan the label of one piece</source><translation>扫描“{scan}”不是序列号：请扫描单件的标签</translation></message><message><source>scan "{scan}" is not a valid label: {error}</source><translation>扫描“{scan}”不是有效标签：{error}</translation></message><message><source>scan "{scan}" is not a valid label: {error}: scan it again, or ask the supplier for a readable label</source><translation>扫描“{scan}”不是有效标签：{error}：请重新扫描，或要求供应商提供可读的标签</translation></message><message><source>scan "{scan}" matches no {what}: check the label, or scan the UDI</source><translation>扫描“{scan}”未匹配到任何{what}：请检查标签，或扫描 UDI</translation></message><message><source>scan "{scan}" matches {count} items: scan the full UDI label (GTIN with lot or serial) instead</source><translation>扫描“{scan}”匹配到 {count} 个物品：请改为扫描完整的 UDI 标签（GTIN 加批次或序列号）</translation></message><message><source>scan "{scan}" says lot {lot}, but lot {typed} was typed: receive the lot the label says, or scan the right label</source><translation>扫描“{scan}”的批次为 {lot}，但输入的是 {typed}：请按标签上的批次接收，或扫描正确的标签</translation></message><message><source>scan "{scan}": GTIN {gtin} is our own product {product}, not a supplier's part: scan the label the supplier put on the delivery</source><translation>扫描“{scan}”：GTIN {gtin} 是本厂产品 {product}，不是供应商物料：请扫描供应商贴在货物上的标签</translation></message><message><source>scan "{scan}": a failed incoming inspection needs notes saying what was wrong</source><translation>扫描“{scan}”：来料检验不合格时须在备注中写明问题</translation></message><message><source>scan "{scan}": every piece of {item} failed its incoming inspection: reject the delivery</source><translation>扫描“{scan}”：{item} 的每一件来料检验都不合格：请拒收该交货批</translation></message><message><source>scan "{scan}": lot {lot} of {part} expired on {date}: expired material is not received: set the delivery aside and return it to the supplier</source><translation>扫描“{scan}”：{part} 的批次 {lot} 已于 {date} 过期：过期物料不予接收：请将货物隔开并退回供应商</translation></message><message><source>scan "{scan}": no part in the master data has the supplier's GTIN {gtin}: add gtin = "{gtin}" to the part in the parts file and load the master data (lotline masterdata load), then scan again</source><translation>扫描“{scan}”：主数据中没有物料使用供应商 GTIN {gtin}：请在物料文件中为该物料添加 gtin = "{gtin}" 并加载主数据（lotline masterdata load），然后重新扫描</translation></message><message><source>scan "{scan}": no part in the master data has the supplier's part number {number} (HIBC labeler {labeler}): add the part {number} to the parts file and load the master data (lotline masterdata load), then scan again</source><translation>扫描“{scan}”：主数据中没有供应商物料号 {number}（HIBC 标签商 {labeler}）：请在物料文件中添加物料 {number} 并加载主数据（lotline masterdata load），然后重新扫描</translation></message><message><source>scan "{scan}": pieces {serials} of {item} have no accepted incoming inspection: inspect each piece before releasing the delivery</source><translation>扫描“{scan}”：{item} 的单件 {serials} 没有合格的来料检验：放行交货批前请逐件检验</translation></message><message><source>scan "{scan}": rejecting a lot needs a reason</source><translation>扫描“{scan}”：拒收批次须填写原因</translation></message><message><source>scan "{scan}": say what is wrong: an NCR needs a description</source><translation>扫描“{scan}”：请说明问题所在：NCR 需要描述</translation></message><message><source>scan "{scan}": say why: a recall needs a reason</source><translation>扫描“{scan}”：请说明原因：召回必须有原因</translation></message><message><source>scan "{scan}": the labels of {lot} are not all verified: scan them back first</source><translation>扫描“{scan}”：{lot} 的标签尚未全部验证：请先回扫</translation></message><message><source>scan "{scan}": the last incoming inspection of {item} failed ({notes}): reject the lot or inspect it again</source><translation>扫描“{scan}”：{item} 最近一次来料检验不合格（{notes}）：请拒收该批次或重新检验</translation></message><message><source>scan "{scan}": unpacking needs a reason</source><translation>扫描“{scan}”：拆箱需要原因</translation></message><message><source>scan "{scan}": {case} is {words}: only a closed case goes on a pallet</source><translation>扫描“{scan}”：{case} {words}：只有已封的箱才能上托盘</translation></message><message><source>scan "{scan}": {item} belongs to no production lot: scan a finished unit or a lot label</source><translation>扫描“{scan}”：{item} 不属于任何生产批次：请扫描成品单件或批次标签</translation></message><message><source>scan "{scan}": {item} expired on {date}: reject it</source><translation>扫描“{scan}”：{item} 已于 {date} 过期：请拒收</translation></message><message><source>scan "{scan}": {item} has no hold of its own; the hold is on {held}: scan that to release it</source><translation>扫描“{scan}”：{item} 本身没有冻结；冻结在 {held} 上：请扫描它来解除冻结</translation></message><message><source>scan "{scan}": {item} has no incoming inspection: inspect it before releasing it</source><translation>扫描“{scan}”：{item} 尚无来料检验：请先检验再放行</translation></message><message><source>scan "{scan}": {item} has no printed label waiting to be verified: print it first</source><translation>扫描“{scan}”：{item} 没有待验证的已打印标签：请先打印</translation></message><message><source>scan "{scan}": {item} holds {count} of {capacity}: a case is closed full</source><translation>扫描“{scan}”：{item} 装有 {count}/{capacity}：箱须装满才能封箱</translation></message><message><source>scan "{scan}": {item} is empty: there is nothing to close</source><translation>扫描“{scan}”：{item} 是空的：没有可封的内容</translation></message><message><source>scan "{scan}": {item} is not a serialised delivery: inspect the lot as a whole</source><translation>扫描“{scan}”：{item} 不是序列号管理的交货批：请按整批检验</translation></message><message><source>scan "{scan}": {item} is not affected by {number}: check the serial, or open a recall on its scope</source><translation>扫描“{scan}”：{item} 不受 {number} 影响：请检查序列号，或针对其范围启动召回</translation></message><message><source>scan "{scan}": {item} is not in {container}</source><translation>扫描“{scan}”：{item} 不在 {container} 中</translation></message><message><source>scan "{scan}": {item} is not on hold: there is nothing to release</source><translation>扫描“{scan}”：{item} 未被冻结：没有可解除的冻结</translation></message><message><source>scan "{scan}": {item} is on {pallet}: take it off the pallet first</source><translation>扫描“{scan}”：{item} 在 {pallet} 上：请先从托盘上取下</translation></message><message><source>scan "{scan}": {item} is rejected already</source><translation>扫描“{scan}”：{item} 已被拒收</translation></message><message><source>scan "{scan}": {item} is shipped: record a return</source><translation>扫描“{scan}”：{item} 已发货：请记录退回</translation></message><message><source>scan "{scan}": {item} is {status}, not in quarantine: {doing} is done only while the lot is in quarantine</source><translation>扫描“{scan}”：{item} 为{status}，不在隔离中：{doing}只能在批次隔离期间进行</translation></message><message><source>scan "{scan}": {item} is {status}: it is not inspected any more</source><translation>扫描“{scan}”：{item} {status}：不再进行检验</translation></message><message><source>scan "{scan}": {item} is {status}: pack into an open {kind} (a closed one is opened again by unpacking from it)</source><translation>扫描“{scan}”：{item} {status}：请装入未封的{kind}（已封的可通过从中拆出物品重新打开）</translation></message><message><source>scan "{scan}": {lot} cannot be released: {blockers}</source><translation>扫描“{scan}”：{lot} 不能放行：{blockers}</translation></message><message><source>scan "{scan}": {lot} is released already ({done})</source><translation>扫描“{scan}”：{lot} 已放行（{done}）</translation></message><message><source>scan "{scan}": {lot} is {status}: only a released lot is packed</source><translation>扫描“{scan}”：{lot} {status}：只有已放行的批次才能装箱</translation></message><message><source>scan "{scan}": {other} is open on {scope} already: work on that recall (lotline recall status) instead of opening a second one</source><translation>扫描“{scan}”：{scope} 上已有未关闭的 {other}：请继续处理该召回（lotline recall status），不要再启动第二个</translation></message><message><source>scan "{scan}": {product} is serialised: pack each unit</source><translation>扫描“{scan}”：{product} 按序列号管理：请逐件装箱</translation></message><message><source>scan "{scan}": {wrong}</source><translation>扫描“{scan}”：{wrong}</translation></message><message><source>scan the case label</source><translation>扫描箱标签</translation></message><message><source>scan {parts}</source><translation>扫描 {parts}</translation></message><message><source>scan {parts} next</source><translation>接下来扫描 {parts}</translation></message><message><source>scan-back "{scanned}" does not match the printed UDI "{expected}"</source><translation>回扫“{scanned}”与打印的 UDI“{expected}”不一致</translation></message><message><source>scan-back "{scanned}" does not match the printed UDI "{expected}": {problem}</source><translation>回扫“{scanned}”与打印的 UDI“{expected}”不一致：{problem}</translation></message><message><source>scope known in {scope}; {told} of {customers} customers notified</source><translation>范围确定用时 {scope}；已通知 {customers} 个客户中的 {told} 个</translation></message><message><source>serial</source><translation>序列号</translation></message><message><source>serial "{serial}" cannot be written in the MA code of {product}: an MA serial is letters and digits only (give a prefix without '-' or spaces)</source><translation>序列号“{serial}”无法写入 {product} 的 MA 码：MA 码的序列号只能是字母和数字（请给出不含“-”或空格的前缀）</translation></message><message><source>serial "{serial}" is already used for GTIN {gtin}</source><translation>序列号“{serial}”已用于 GTIN {gtin}</translation></message><message><source>serial "{serial}" is given twice: serials are unique</source><translation>序列号“{serial}”重复给出：序列号必须唯一</translation></message><message><source>serial "{serial}" is not a piece of {item}: its pieces are {serials}</source><translation>序列号“{serial}”不属于 {item}：其单件为 {serials}</translation></message><message><source>serial prefix "{prefix}" leaves no room for {width} digits</source><translation>序列号前缀“{prefix}”过长，放不下 {width} 位数字</translation></message><message><source>serial prefix + number</source><translation>序列号前缀 + 编号</translation></message><message><source>serialised unit</source><translation>序列化单件</translation></message><message><source>shipment</source><translation>发货</translation></message><message><source>shipment "{number}" does not exist: check the number (SHP-...)</source><translation>发货单“{number}”不存在：请检查单号（SHP-...）</translation></message><message><source>shipment {shipment} (delivery note {note})</source><translation>发货 {shipment}（送货单 {note}）</translation></message><message><source>shipping</source><translation>发货</translation></message><message><source>signature DOES NOT VERIFY ({problem})</source><translation>签名验证未通过（{problem}）</translation></message><message><source>signature verifies</source><translation>签名验证通过</translation></message><message><source>signature verifies ({problem})</source><translation>签名验证通过（{problem}）</translation></message><message><source>signed by {name}</source><translation>签收人 {name}</translation></message><message><source>site "{site}" is not a site (give its name or GLN)</source><translation>地点“{site}”不是已登记的地点（请输入其名称或 GLN）</translation></message><message><source>site "{site}" is not a site of {customer} (give its name or GLN): its sites are {names}</source><translation>地点“{site}”不是 {customer} 的地点（请输入其名称或 GLN）：其地点为 {names}</translation></message><message><source>site "{site}" is not a site of {customer}: give the site's GLN or name</source><translation>地点“{site}”不是 {customer} 的地点：请给出该地点的 GLN 或名称</translation></message><message><source>some of serials {first}..{last} are already used for GTIN {gtin}: give another prefix or list</source><translation>序列号 {first}..{last} 中有的已用于 GTIN {gtin}：请换一个前缀或清单</translation></message><message><source>stable: {answer}</source><translation>稳定：{answer}</translation></message><message><source>station "{station}" is not registered: add it to the master data</source><translation>工作站“{station}”未登记：请将其添加到主数据</translation></message><message><source>station {station} has no device "{device}" (its devices: {names})</source><translation>工位 {station} 没有设备“{device}”（其设备：{names}）</translation></message><message><source>station {time}</source><translation>工位 {time}</translation></message><message><source>status "{status}" is not a status: use quarantine, released or rejected</source><translation>“{status}”不是状态：请使用 quarantine、released 或 rejected</translation></message><message><source>step "{name}" has no valid limits: ask an administrator to fix the route</source><translation>工序“{name}”没有有效的限值：请管理员修正工艺路线</translation></message><message><source>step "{step}" is not a weighing or measuring step of {product} (route {route}): give one of {steps}</source><translation>工序“{step}”不是 {product}（工艺路线 {route}）的称重或测量工序：请给出以下之一：{steps}</translation></message><message><source>step "{step}" of {product} has {count} reading(s): a baseline needs at least {least}; record more units at that step, then freeze</source><translation>{product} 的工序“{step}”只有 {count} 个读数：基线至少需要 {least} 个；请在该工序记录更多单件后再锁定</translation></message><message><source>step "{step}" of {product} has {count} reading(s): a chart needs at least {least}</source><translation>{product} 的工序“{step}”只有 {count} 个读数：控制图至少需要 {least} 个</translation></message><message><source>step {position} "{step}": {why}</source><translation>工序 {position}“{step}”：{why}</translation></message><message><source>step {position} {name}</source><translation>工序 {position} {name}</translation></message><message><source>step {position} {name}: {instruction}</source><translation>工序 {position} {name}：{instruction}</translation></message><message><source>subgroup size {n} is not supported: use 2 to 10</source><translation>不支持子组大小 {n}：请使用 2 到 10</translation></message><message><source>subgroups must all have {n} readings</source><translation>每个子组都必须有 {n} 个读数</translation></message><message><source>supplier "{supplier}" is not in the master data: check the code</source><translation>供应商“{supplier}”不在主数据中：请核对代码</translation></message><message><source>supplier lot "{lot}" must be 1-{limit} printable characters: copy it from the supplier's label</source><translation>供应商批次“{lot}”必须是 1-{limit} 个可打印字符：请照供应商标签填写</translation></message><message><source>supplier lot {lot}</source><translation>供应商批次 {lot}</translation></message><message><source>supplier {code} ({name}) is not approved: material from it cannot be received; ask quality</source><translation>供应商 {code}（{name}）未获批准：不能接收其物料；请联系质量部门</translation></message><message><source>template file "{path}" cannot be read ({error}): check the path</source><translation>无法读取模板文件“{path}”（{error}）：请检查路径</translation></message><message><source>template file {file} has no "name": a template names itself, e.g. "name": "udi-4x2"</source><translation>模板文件 {file} 没有 "name"：模板须写明自己的名称，例如 "name": "udi-4x2"</translation></message><message><source>template file {file} is not valid: {error}</source><translation>模板文件 {file} 无效：{error}</translation></message><message><source>template file {file} is the same as {name} version {version} ({status}): nothing to register</source><translation>模板文件 {file} 与 {name} 版本 {version}（{status}）相同：无需登记</translation></message><message><source>template file {file}, line {line}, column {column}: {error}: fix the JSON</source><translation>模板文件 {file}，第 {line} 行，第 {column} 列：{error}：请修正 JSON</translation></message><message><source>the PIN for {user} is too easy to guess (a common PIN, one digit repeated or a run): choose another</source><translation>{user} 的 PIN 码太容易被猜到（常见 PIN 码、重复数字或连续数字）：请另选一个</translation></message><message><source>the PIN for {user} must be {minimum}+ digits</source><translation>{user} 的 PIN 码至少须为 {minimum} 位数字</translation></message><message><source>the UDI of {item} cannot be composed: {error}</source><translation>无法生成 {item} 的 UDI：{error}</translation></message><message><source>the UDID export was not written: {problems}</source><translation>未写出 UDID 导出文件：{problems}</translation></message><message><source>the account {user} is disabled: ask an administrator</source><translation>账户 {user} 已停用：请联系管理员</translation></message><message><source>the account {user} is locked since {when} after repeated failed attempts: ask an administrator to unlock it</source><translation>账户 {user} 因多次尝试失败，自 {when} 起已锁定：请管理员解锁</translation></message><message><source>the account {user} is locked since {when}: ask an administrator to unlock it</source><translation>账户 {user} 自 {when} 起已锁定：请管理员解锁</translation></message><message><source>the audit chain verifies: {count} entries, unbroken</source><translation>审计链验证通过：{count} 条记录，连续完整</translation></message><message><source>the bin label of {item} cannot be made: {error}: shorten the part name in the master data or ask an administrator</source><translation>无法生成 {item} 的料箱标签：{error}：请在主数据中缩短物料名称，或联系管理员</translation></message><message><source>the delivery time {when} is in the future: give the time on the signed note</source><translation>送达时间 {when} 晚于当前时间：请填写签收单上的时间</translation></message><message><source>the disposition in {number} needs a reason: say what was done</source><translation>{number} 中的处置需要原因：请说明所做处理</translation></message><message><source>the disposition of {ncr} needs a reason</source><translation>{ncr} 的处置需要原因</translation></message><message><source>the due date {due} must come after the calibration date {calibrated}</source><translation>到期日 {due} 必须晚于校准日期 {calibrated}</translation></message><message><source>the hold on {item} is for {ncr}, which is still open: disposition the nonconformance first</source><translation>{item} 的冻结针对 {ncr}，该 NCR 仍未处置：请先处置该不合格品</translation></message><message><source>the inspection plan "{characteristic}" has no limits: ask an administrator</source><translation>检验计划“{characteristic}”没有限值：请联系管理员</translation></message><message><source>the label "{udi}" did not read back as its UDI, so it was not printed ({reasons}): report this to the label engineer</source><translation>标签“{udi}”解码结果与其 UDI 不符，因此未打印（{reasons}）：请报告标签工程师</translation></message><message><source>the label cannot be made: {error}</source><translation>无法生成标签：{error}</translation></message><message><source>the label of {item} cannot be made: {error}</source><translation>无法生成 {item} 的标签：{error}</translation></message><message><source>the name is too long: at most 120 characters</source><translation>姓名过长：最多 120 个字符</translation></message><message><source>the new password must differ from the old one</source><translation>新密码必须与原密码不同</translation></message><message><source>the password for {user} holds control characters</source><translation>{user} 的密码含有控制字符</translation></message><message><source>the password for {user} is on the list of common or breached passwords: choose another</source><translation>{user} 的密码在常见或已泄露密码清单中：请另选一个</translation></message><message><source>the password for {user} is too short: use {minimum}+ characters</source><translation>{user} 的密码太短：至少需要 {minimum} 个字符</translation></message><message><source>the password for {user} must not contain the user name</source><translation>{user} 的密码不得包含用户名</translation></message><message><source>the printer could not be reached: {error}</source><translation>无法连接打印机：{error}</translation></message><message><source>the printer holds the label(s): {reason}. Fix it; the label prints then</source><translation>打印机暂存了标签：{reason}。请排除故障，标签随后会打印</translation></message><message><source>the record was changed after it was signed</source><translation>该记录在签名后被更改</translation></message><message><source>the scale is not stable: wait for the reading to settle</source><translation>秤读数不稳定：请等待读数稳定</translation></message><message><source>the scale reads in {unit}, the step needs {wanted}: set the scale unit</source><translation>秤的单位是 {unit}，工序需要 {wanted}：请设置秤的单位</translation></message><message><source>the scope of {number} was not written to {path}: {problem}</source><translation>{number} 的召回范围未写入 {path}：{problem}</translation></message><message><source>the serial label of {serial} cannot be made: {error}</source><translation>无法生成 {serial} 的序列号标签：{error}</translation></message><message><source>the shared database does not answer and this station has no copy of it to check steps against: nothing was recorded; wait for the database light</source><translation>共享数据库无响应，且本工位没有可用于校验工序的数据库副本：未记录任何内容；请等待数据库指示灯变绿</translation></message><message><source>the shared database does not answer and this station's copy of it is from {taken}, older than {hours} h: steps are not checked against it; nothing was recorded; wait for the database light</source><translation>共享数据库无响应，且本工位的数据库副本来自 {taken}，已超过 {hours} 小时：不再据此校验工序；未记录任何内容；请等待数据库指示灯变绿</translation></message><message><source>the signed record no longer exists</source><translation>已签名的记录不再存在</translation></message><message><source>the station's journal {path} does not verify at entry {seq}: {problem}; nothing was sent: keep the file and call quality</source><translation>工位日志 {path} 在第 {seq} 条校验失败：{problem}；未上传任何内容：请保留该文件并联系质量部门</translation></message><message><source>the step of offline conflict {id} is not in the record: send it again once its cause is fixed (it is refused: {refusal}), or decide redo or void</source><translation>离线冲突 {id} 的工序不在记录中：请在原因排除后重新上传（当前被拒：{refusal}），或裁定为重做或作废</translation></message><message><source>the {count} readings of step "{step}" of {product} do not vary: control limits need some variation; check the instrument's resolution</source><translation>{product} 的工序“{step}”的 {count} 个读数没有波动：控制限需要一定的波动；请检查仪器分辨率</translation></message><message><source>there is no offline conflict {id}</source><translation>不存在离线冲突 {id}</translation></message><message><source>there is no print job "{key}": check the job key</source><translation>没有打印任务“{key}”：请核对任务键</translation></message><message><source>there is no signature {id}</source><translation>不存在签名 {id}</translation></message><message><source>there is no user "{user}"</source><translation>不存在用户“{user}”</translation></message><message><source>there is no {record} {id} to sign</source><translation>没有可签名的 {record} {id}</translation></message><message><source>this PIN</source><translation>此 PIN 码</translation></message><message><source>this authenticator code was used already: wait for the next one</source><translation>此验证码已使用过：请等待下一个验证码</translation></message><message><source>this database already has users: add more as an administrator (--by ADMIN)</source><translation>该数据库已有用户：请以管理员身份添加（--by ADMIN）</translation></message><message><source>this password</source><translation>此密码</translation></message><message><source>to {customer}, {site}</source><translation>至 {customer}，{site}</translation></message><message><source>unit</source><translation>单件</translation></message><message><source>unit or lot</source><translation>单件或批次</translation></message><message><source>unit or production lot</source><translation>单件或生产批次</translation></message><message><source>unit {serial}</source><translation>单件 {serial}</translation></message><message><source>unit, case or pallet</source><translation>单件、箱或托盘</translation></message><message><source>unit, lot or material lot</source><translation>单件、批次或物料批次</translation></message><message><source>unit, lot, case or pallet</source><translation>单件、批次、箱或托盘</translation></message><message><source>unit, lot, material lot, case or pallet</source><translation>单件、批次、物料批次、箱或托盘</translation></message><message><source>units</source><translation>件</translation></message><message><source>unknown role "{role}": use one of {names}</source><translation>未知角色“{role}”：请使用以下之一：{names}</translation></message><message><source>user "{username}" does not exist: check the name in the user list</source><translation>用户“{username}”不存在：请在用户列表中核对名称</translation></message><message><source>user name "{user}" is taken (users are never deleted, names never reused): choose another</source><translation>用户名“{user}”已被占用（用户从不删除，用户名不会重复使用）：请另选一个</translation></message><message><source>user name "{user}" must be one word of printable characters</source><translation>用户名“{user}”必须是由可打印字符组成的一个词</translation></message><message><source>voided: {reason}</source><translation>已作废：{reason}</translation></message><message><source>was never sent to the printer</source><translation>从未发送到打印机</translation></message><message><source>was rejected by incoming inspection: use a released lot, return this one to QC</source><translation>已被来料检验拒收：请使用已放行的批次，并将此批次退回 QC</translation></message><message><source>was verified already</source><translation>已验证过</translation></message><message><source>was voided ({reason})</source><translation>已作废（{reason}）</translation></message><message><source>weight</source><translation>重量</translation></message><message><source>work order "{number}" does not exist: check the number on the traveller</source><translation>工单“{number}”不存在：请核对流转单上的编号</translation></message><message><source>work order "{number}" exists already: choose another number</source><translation>工单“{number}”已存在：请选用其他编号</translation></message><message><source>work order number "{number}" must be 1-64 printable characters</source><translation>工单编号“{number}”必须是 1-64 个可打印字符</translation></message><message><source>work order {number} has no commissioned serials: release it and commission its serials first</source><translation>工单 {number} 没有已生成的序列号：请先下达工单并生成序列号</translation></message><message><source>work order {number} is for {quantity} units and has {done} serials: {count} more cannot be commissioned</source><translation>工单 {number} 数量为 {quantity} 件，已有 {done} 个序列号：不能再赋码 {count} 个</translation></message><message><source>work order {number} is {status} already: it is released only once</source><translation>工单 {number} 已是{status}状态：工单只能下达一次</translation></message><message><source>work order {number} is {status}: only a released work order is closed</source><translation>工单 {number} {status}：只有已下达的工单才能关闭</translation></message><message><source>work order {number} is {status}: release it before commissioning</source><translation>工单 {number} 为{status}状态：请先下达再赋码</translation></message><message><source>work order {number}: quantity {quantity} must be at least 1</source><translation>工单 {number}：数量 {quantity} 至少为 1</translation></message><message><source>work order {number}: {built} built, {scrapped} scrapped, {open} still open of {quantity} ordered; closing it short needs a reason</source><translation>工单 {number}：订单 {quantity}，已完成 {built}，报废 {scrapped}，未完成 {open}；提前关闭须填写原因</translation></message><message><source>wrong PIN for this badge</source><translation>该工牌的 PIN 错误</translation></message><message><source>wrong password for the signature</source><translation>签名密码错误</translation></message><message><source>wrong user name or password</source><translation>用户名或密码错误</translation></message><message><source>yes</source><translation>是</translation></message><message><source>yes: {problem}</source><translation>是：{problem}</translation></message><message><source>you are logged in as {user}: "{signer}" cannot sign here; each signature belongs to the person who is logged in</source><translation>您以 {user} 登录：“{signer}”不能在此签名；每个签名都属于当前登录的人</translation></message><message><source>you cannot disable your own account: ask another administrator</source><translation>您不能停用自己的账户：请联系其他管理员</translation></message><message><source>your session has ended: log in again before signing</source><translation>您的会话已结束：签名前请重新登录</translation></message><message><source>{age}, {flags} anomaly flags open</source><translation>{age}，{flags} 个异常标记未处置</translation></message><message><source>{case} has room for {room} and {lot} has {left} left: {wanted} cannot be packed</source><translation>{case} 还可装 {room}，{lot} 剩余 {left}：无法装入 {wanted}</translation></message><message><source>{case} holds {held}; {item} is {product}: a case holds one product</source><translation>{case} 装的是 {held}；{item} 是 {product}：一箱只能装一种产品</translation></message><message><source>{case} is full ({inside} of {capacity}): close it and pack into a new case</source><translation>{case} 已满（{inside}/{capacity}）：请封箱并装入新箱</translation></message><message><source>{characteristic}: reading "{value}" is not a number: enter the value</source><translation>{characteristic}：读数“{value}”不是数字：请输入数值</translation></message><message><source>{code}</source><translation>{code}</translation></message><message><source>{count} label(s) printed: scan each back to verify it</source><translation>已打印 {count} 张标签：请逐张回扫验证</translation></message><message><source>{count} label(s) too many counted</source><translation>多清点了 {count} 张标签</translation></message><message><source>{count} label(s) unaccounted for</source><translation>有 {count} 张标签去向不明</translation></message><message><source>{count} products</source><translation>{count} 个产品</translation></message><message><source>{day} {month} {year}</source><translation>{year}年{month_number}月{day}日</translation></message><message><source>{described} (device S/N {serial})</source><translation>{described}（设备序列号 {serial}）</translation></message><message><source>{device} failed its calibration (certificate {certificate}): it is out of service until calibrated again</source><translation>{device} 校准不合格（证书 {certificate}）：重新校准前停止使用</translation></message><message><source>{device} was due for calibration on {due} (certificate {certificate}): take it out of use and have it calibrated</source><translation>{device} 应于 {due} 校准（证书 {certificate}）：请停止使用并送校</translation></message><message><source>{done} of {count} label(s) reached the printer; the printer failed: {reason}. Fix the printer and retry with the same job key</source><translation>{count} 张标签中有 {done} 张送达打印机；打印机故障：{reason}。请排除打印机故障后用同一任务键重试</translation></message><message><source>{failed} of {n} units failed</source><translation>{n} 个单件中 {failed} 个不合格</translation></message><message><source>{field} of {table} holds {bad}: only printable text is stored; type it again without it</source><translation>{table} 的 {field} 含有 {bad}：只能保存可打印文本；请去掉后重新输入</translation></message><message><source>{file} has no work orders: one row per work order under the header</source><translation>{file} 中没有工单：表头下每行一个工单</translation></message><message><source>{file} is not UTF-8 text (byte {at}): export it as UTF-8 CSV</source><translation>{file} 不是 UTF-8 文本（第 {at} 字节）：请导出为 UTF-8 CSV</translation></message><message><source>{file} is not a readable CSV file: {why}</source><translation>{file} 不是可读取的 CSV 文件：{why}</translation></message><message><source>{first} or {other}</source><translation>{first} 或 {other}</translation></message><message><source>{first}; {then}</source><translation>{first}；{then}</translation></message><message><source>{flag} is open on {item}: {rule} ({step}, {value} {unit})</source><translation>{item} 上的 {flag} 未处置：{rule}（{step}，{value} {unit}）</translation></message><message><source>{gtin} (issuing agency {agency})</source><translation>{gtin}（发码机构 {agency}）</translation></message><message><source>{health}: {refused} of {readings} readings refused, {reconnects} reconnects</source><translation>{health}：{readings} 次读数中拒绝 {refused} 次，重连 {reconnects} 次</translation></message><message><source>{held} is {hold} (it holds {item}): {doing} is not allowed until QC releases the hold</source><translation>{held} {hold}（此冻结涵盖 {item}）：在 QC 解除冻结前不允许{doing}</translation></message><message><source>{held} is {hold}: {doing} is not allowed until QC releases the hold</source><translation>{held} {hold}：在 QC 解除冻结前不允许{doing}</translation></message><message><source>{issued} issued, {verified} verified, {lots} lots not reconciled</source><translation>已发放 {issued}，已回扫验证 {verified}，{lots} 个批次未对账</translation></message><message><source>{item} belongs to no production lot: it cannot be labelled</source><translation>{item} 不属于任何生产批次：无法贴标</translation></message><message><source>{item} has no inspection plan for "{characteristic}": its plans are {known}</source><translation>{item} 没有“{characteristic}”的检验计划：其检验计划为 {known}</translation></message><message><source>{item} has no production date: its UDI cannot be composed</source><translation>{item} 没有生产日期：无法生成其 UDI</translation></message><message><source>{item} has no route: ask a supervisor to assign one</source><translation>{item} 没有工艺路线：请主管指定</translation></message><message><source>{item} has not finished production</source><translation>{item} 尚未完成生产</translation></message><message><source>{item} has not finished production (next: step {position} "{step}")</source><translation>{item} 尚未完成生产（下一道：工序 {position}“{step}”）</translation></message><message><source>{item} has passed every step of its route</source><translation>{item} 已完成工艺路线的全部工序</translation></message><message><source>{item} has passed every step: name the step to repeat for the rework</source><translation>{item} 已通过所有工序：请指定返工要重做的工序</translation></message><message><source>{item} has the disposition {disposition} in {number} already: a disposition is made once</source><translation>{item} 在 {number} 中已有处置“{disposition}”：处置只能做一次</translation></message><message><source>{item} is at step {position} "{name}"; the {wanted} step cannot be done now: do step {position} first</source><translation>{item} 处于工序 {position}“{name}”；现在不能做{wanted}工序：请先完成工序 {position}</translation></message><message><source>{item} is at the customer ({state}): record its return before it is {done}, or choose {field} or {site}</source><translation>{item} 在客户处（{state}）：请先登记退回再{done}，或选择 {field} 或 {site}</translation></message><message><source>{item} is nonconforming ({ncrs}): it waits for a QC disposition</source><translation>{item} 不合格（{ncrs}）：等待 QC 处置</translation></message><message><source>{item} is not a finished product: it takes no UDI label</source><translation>{item} 不是成品：不贴 UDI 标签</translation></message><message><source>{item} is not at step {position} "{name}"</source><translation>{item} 不在工序 {position}“{name}”</translation></message><message><source>{item} is on hold: {reason}</source><translation>{item} 已冻结：{reason}</translation></message><message><source>{item} is {status}</source><translation>{item} {status}</translation></message><message><source>{item} is {status} and cannot become {new}</source><translation>{item} 当前为{status}，不能变为{new}</translation></message><message><source>{item} is {status}: it takes no production steps now</source><translation>{item} 为{status}：现在不能进行生产工序</translation></message><message><source>{item} is {status}: labels are reprinted only for released items</source><translation>{item} {status}：只有已放行的物品才能补打标签</translation></message><message><source>{item} is {status}: not printed again</source><translation>{item} {status}：未再次打印</translation></message><message><source>{item} was {state} when the scope was taken: it has no customer to notify and nothing to return; record its disposition instead</source><translation>确定范围时 {item} 为{state}：没有需通知的客户，也无需退回；请直接登记其处置</translation></message><message><source>{item}, step {position} "{name}" failed: {message}</source><translation>{item}，工序 {position}“{name}”不合格：{message}</translation></message><message><source>{key} names no figure of the dashboard: pick a figure on a panel</source><translation>{key} 不是看板上的数字：请在面板上选择一个数字</translation></message><message><source>{kind} SSCC {sscc}</source><translation>{kind} SSCC {sscc}</translation></message><message><source>{kind} {lot}</source><translation>{kind} {lot}</translation></message><message><source>{kind} {serial}</source><translation>{kind} {serial}</translation></message><message><source>{kind}: {outcome}</source><translation>{kind}：{outcome}</translation></message><message><source>{lot} has no units to release</source><translation>{lot} 没有可放行的单件</translation></message><message><source>{lot}: {issued} labels issued, but {applied} applied + {destroyed} destroyed + {returned} returned = {counted}: {words}; count again</source><translation>{lot}：已发放 {issued} 张标签，但已贴 {applied} + 已销毁 {destroyed} + 已退回 {returned} = {counted}：{words}；请重新清点</translation></message><message><source>{message} (attempt {count} of {limit})</source><translation>{message}（第 {count} 次，共 {limit} 次）</translation></message><message><source>{message}: account {user} is now locked; ask an administrator</source><translation>{message}：账户 {user} 现已锁定；请联系管理员</translation></message><message><source>{message}; step {position} passed</source><translation>{message}；工序 {position} 已通过</translation></message><message><source>{message}; still needed: {parts}</source><translation>{message}；仍需：{parts}</translation></message><message><source>{message}; {ncr} opened and {item} marked nonconforming</source><translation>{message}；已开立 {ncr}，{item} 已标记为不合格</translation></message><message><source>{name} ({user}) at {station}</source><translation>{name}（{user}），工位 {station}</translation></message><message><source>{name} ({user}), {when}: {meaning}</source><translation>{name}（{user}），{when}：{meaning}</translation></message><message><source>{ncr} has no disposition yet: disposition it before closing</source><translation>{ncr} 尚未处置：关闭前请先处置</translation></message><message><source>{ncr} is closed before closing</source><translation>{ncr} 已关闭</translation></message><message><source>{ncr} is on {item}: material is not reworked here; use scrap (the lot is rejected) or use as is</source><translation>{ncr} 针对 {item}：物料不在此返工；请选择报废（该批次拒收）或让步接收</translation></message><message><source>{ncr} is {state} on {item}</source><translation>{item} 上的 {ncr} {state}</translation></message><message><source>{ncr} is {status} already ({disposition}): a disposition is made once</source><translation>{ncr} {status}（{disposition}）：处置只能做一次</translation></message><message><source>{ncr}: {item} is {status}, so a {disposition} cannot be carried out: unpack it or record its return first</source><translation>{ncr}：{item} {status}，无法执行{disposition}：请先拆箱或登记退货</translation></message><message><source>{number} affects nothing of {customer} at {site}: nobody to notify there</source><translation>{number} 不涉及 {customer} 在 {site} 的任何物品：该处无需通知</translation></message><message><source>{number} affects nothing of {customer}: nobody to notify</source><translation>{number} 不涉及 {customer} 的任何物品：无需通知</translation></message><message><source>{number} cannot be closed: {count} item(s) have no disposition yet ({names}); record a disposition for each first</source><translation>{number} 不能关闭：{count} 个物品尚未处置（{names}）；请先逐一登记处置</translation></message><message><source>{number} is closed ({date}): it takes no more updates</source><translation>{number} 已关闭（{date}）：不再接受更新</translation></message><message><source>{number} on {item} ({step}, {value} {unit}): {rule}</source><translation>{item} 上的 {number}（{step}，{value} {unit}）：{rule}</translation></message><message><source>{number} was dispositioned already by {user} on {when}: {reason}</source><translation>{number} 已由 {user} 于 {when} 处置：{reason}</translation></message><message><source>{number}. Packing and shipping</source><translation>{number}. 包装和发货</translation></message><message><source>{number}. Receiving of the components (incoming inspection and release)</source><translation>{number}. 部件接收（来料检验和放行）</translation></message><message><source>{number}. Service, repair, return and disposal after release</source><translation>{number}. 放行后的维修、保养、退回和处置</translation></message><message><source>{number}: every item named is {done} already: nothing to record</source><translation>{number}：所列物品均已{done}：无需记录</translation></message><message><source>{n} built in {hours} h; the plan needs {rate} per hour</source><translation>{hours} 小时内完成 {n} 件；计划需要每小时 {rate} 件</translation></message><message><source>{n} campaign(s) open, {waiting} with customers still to notify</source><translation>{n} 个召回进行中，其中 {waiting} 个仍有客户待通知</translation></message><message><source>{n} d</source><translation>{n} 天</translation></message><message><source>{n} h</source><translation>{n} 小时</translation></message><message><source>{n} in force, the oldest {age}</source><translation>{n} 个生效，最早的已 {age}</translation></message><message><source>{n} lot(s) awaiting release, {flagged} with anomaly flags</source><translation>{n} 个批次待放行，其中 {flagged} 个有异常标记</translation></message><message><source>{n} min</source><translation>{n} 分钟</translation></message><message><source>{n} of {all} devices need attention</source><translation>{all} 台设备中 {n} 台需要处理</translation></message><message><source>{n} open, the oldest {age}</source><translation>{n} 个未关闭，最早的已 {age}</translation></message><message><source>{n} units in process, {held} nonconforming</source><translation>{n} 个单件在制，{held} 个不合格</translation></message><message><source>{part} serial {serial} was received before: check the label</source><translation>{part} 序列号 {serial} 之前已接收：请检查标签</translation></message><message><source>{part} {serial}</source><translation>{part} {serial}</translation></message><message><source>{person} is not qualified for {name}: ask a supervisor for a qualified operator</source><translation>{person} 不具备资质 {name}：请主管安排有资质的操作员</translation></message><message><source>{person}'s qualification {name} expired on {expires}: requalify before doing this step</source><translation>{person} 的资质 {name} 已于 {expires} 过期：重新取得资质后才能执行此工序</translation></message><message><source>{product} has no label template: ask an administrator to assign one</source><translation>{product} 没有标签模板：请管理员指定一个</translation></message><message><source>{product} has no released route: ask an administrator to assign one first</source><translation>{product} 没有已发布的工艺路线：请管理员先指定</translation></message><message><source>{product} has no route: ask an administrator to assign one first</source><translation>{product} 没有工艺路线：请先让管理员指定</translation></message><message><source>{product} is lot-controlled: its production lot goes through the route, it takes no serial numbers</source><translation>{product} 按批次管理：由其生产批次走工艺路线，不使用序列号</translation></message><message><source>{product}, lot {lot}</source><translation>{product}，批次 {lot}</translation></message><message><source>{product}, step {at} passed</source><translation>{product}，已完成工序 {at}</translation></message><message><source>{product}, unit {serial} (lot {lot})</source><translation>{product}，单件 {serial}（批次 {lot}）</translation></message><message><source>{prompt}: scan PASS or FAIL</source><translation>{prompt}：扫描 PASS 或 FAIL</translation></message><message><source>{reading} is not stable: wait for the scale to settle and weigh again (limits {limits})</source><translation>{reading} 不稳定：请等秤稳定后重新称重（限值 {limits}）</translation></message><message><source>{reading}: {verdict} (limits {limits})</source><translation>{reading}：{verdict}（限值 {limits}）</translation></message><message><source>{route} version {version}</source><translation>{route} 版本 {version}</translation></message><message><source>{rows} of the signed record no longer exist(s)</source><translation>签名记录中的 {rows} 已不存在</translation></message><message><source>{said} is {item} of serialised {product}: scan one unit</source><translation>{said} 是按序列号管理的 {product} 的 {item}：请扫描单件</translation></message><message><source>{said}: an installation needs the site (name or GLN) where it is</source><translation>{said}：安装需要所在地点（名称或 GLN）</translation></message><message><source>{said}: that is the part taken out: scan the new part</source><translation>{said}：这是拆下的部件：请扫描新部件</translation></message><message><source>{said}: the label of {item} is not verified: scan the label back first</source><translation>{said}：{item} 的标签尚未验证：请先回扫标签</translation></message><message><source>{said}: {copies} copies: print 1 to {most} labels at a time</source><translation>{said}：{copies} 份：每次打印 1 到 {most} 张标签</translation></message><message><source>{said}: {item} expired on {expiry}: take another lot</source><translation>{said}：{item} 已于 {expiry} 过期：请换用其他批次</translation></message><message><source>{said}: {item} gets one label{first}; another label is a reprint, which needs a reason and a supervisor's signature</source><translation>{said}：{item} 只打印一张标签{first}；再打一张即为补打，需要原因和主管签名</translation></message><message><source>{said}: {item} has less than {quantity} left: take another lot</source><translation>{said}：{item} 剩余不足 {quantity}：请换用其他批次</translation></message><message><source>{said}: {item} has no verified UDI label: label it first</source><translation>{said}：{item} 没有已验证的 UDI 标签：请先贴标</translation></message><message><source>{said}: {item} has {kits} kits and {originals} labels already: {copies} more would be too many; a replacement is a reprint</source><translation>{said}：{item} 有 {kits} 套，已有 {originals} 张标签：再打 {copies} 张就太多了；替换标签请补打</translation></message><message><source>{said}: {item} holds something already on {shipment}: scan the outer container only</source><translation>{said}：{item} 内有物品已在 {shipment} 上：只扫描最外层容器</translation></message><message><source>{said}: {item} is a component, not a finished unit</source><translation>{said}：{item} 是零部件，不是成品单件</translation></message><message><source>{said}: {item} is not on {shipment}</source><translation>{said}：{item} 不在 {shipment} 上</translation></message><message><source>{said}: {item} is on {other}, not shipped yet: take it off there first</source><translation>{said}：{item} 已在尚未发货的 {other} 上：请先从那里移除</translation></message><message><source>{said}: {item} is on {shipment} already</source><translation>{said}：{item} 已在 {shipment} 上</translation></message><message><source>{said}: {item} is packed already, in {where}</source><translation>{said}：{item} 已装箱，在 {where} 中</translation></message><message><source>{said}: {item} is packed in {container}: ship that instead</source><translation>{said}：{item} 装在 {container} 中：请改为发货该容器</translation></message><message><source>{said}: {item} is past its label step ({where}); use a reprint</source><translation>{said}：{item} 已过贴标工序（{where}）；请使用补打</translation></message><message><source>{said}: {item} is scanned twice</source><translation>{said}：{item} 被扫描了两次</translation></message><message><source>{said}: {item} is under recall {recall}: it may not ship</source><translation>{said}：{item} 处于召回 {recall} 中：不得发货</translation></message><message><source>{said}: {item} is {status}: a {kind} is recorded only for a unit that is {states}</source><translation>{said}：{item} {status}：只有{states}的单件才能记录{kind}</translation></message><message><source>{said}: {item} is {status}: close it before shipping</source><translation>{said}：{item} {status}：请先封好再发货</translation></message><message><source>{said}: {item} is {status}: only released items are packed</source><translation>{said}：{item} {status}：只有已放行的物品才能装箱</translation></message><message><source>{said}: {item} is {status}: only released lots ship</source><translation>{said}：{item} {status}：只有已放行的批次才能发货</translation></message><message><source>{said}: {item} is {status}: only released material is fitted</source><translation>{said}：{item} 状态为{status}：只能装入已放行的物料</translation></message><message><source>{said}: {item} is {status}: only released, labelled units are shipped</source><translation>{said}：{item} {status}：只有已放行并已贴标的单件才能发货</translation></message><message><source>{said}: {item} is {status}; labels are printed only for released items: QC releases the lot first</source><translation>{said}：{item} {status}；只有已放行的物品才能打印标签：请 QC 先放行该批次</translation></message><message><source>{said}: {item} was shipped already</source><translation>{said}：{item} 已经发货</translation></message><message><source>{said}: {item} was shipped already on {shipment}</source><translation>{said}：{item} 已随 {shipment} 发货</translation></message><message><source>{said}: {ncr} is open on {item}: close it first</source><translation>{said}：{item} 有未关闭的 {ncr}：请先关闭</translation></message><message><source>{said}: {new} is not the same part as {old}: fit the same part number</source><translation>{said}：{new} 与 {old} 不是同一物料：请装入相同料号</translation></message><message><source>{said}: {part} is not built into {unit}: scan the part taken out of it</source><translation>{said}：{part} 未装在 {unit} 中：请扫描从中拆下的部件</translation></message><message><source>{scan} is a component ({item}), not a unit in production: scan the unit's label first</source><translation>{scan}是组件（{item}），不是生产中的单件：请先扫描单件的标签</translation></message><message><source>{scan} is {item} of {product}, which is serialised: scan the serial label of one unit</source><translation>{scan}是 {product} 的{item}，该产品按序列号管理：请扫描单件的序列号标签</translation></message><message><source>{scan} is {what} of part {part}, consumed at step {position} "{name}", which {item} has passed; a passed step is repeated only after a rework decision</source><translation>{scan}是零件 {part} 的{what}，在工序 {position}“{name}”耗用，{item} 已通过该工序；已通过的工序只有在返工决定后才能重做</translation></message><message><source>{scan} is {what} of part {part}; step {position} needs {parts}</source><translation>{scan}是零件 {part} 的{what}；工序 {position} 需要 {parts}</translation></message><message><source>{scan} is {what}, not a component: step {position} needs {parts}</source><translation>{scan}是{what}，不是组件：工序 {position} 需要 {parts}</translation></message><message><source>{scan}: reading "{value} {unit}"</source><translation>{scan}：读数“{value} {unit}”</translation></message><message><source>{scan}: reading "{value} {unit}" is in {unit}; step "{name}" is measured in {wanted}: set the instrument unit</source><translation>{scan}：读数“{value} {unit}”的单位是 {unit}；工序“{name}”以 {wanted} 计量：请设置仪器单位</translation></message><message><source>{scan}: step {position} "{name}" is already passed for {item}; a passed step is repeated only after a rework decision. Next is step {next} "{next_name}"</source><translation>{scan}：{item} 已通过工序 {position}“{name}”；已通过的工序只有在返工决定后才能重做。下一步是工序 {next}“{next_name}”</translation></message><message><source>{scan}: work order {number} is {status}: its units take no more steps; ask planning</source><translation>{scan}：工单 {number} {status}：其单件不能再执行工序；请联系计划员</translation></message><message><source>{scan}: {held} is {hold}; it takes no steps until QC releases the hold</source><translation>{scan}：{held} {hold}；在 QC 解除冻结之前不能进行任何工序</translation></message><message><source>{scan}: {message}</source><translation>{scan}：{message}</translation></message><message><source>{scan}: {part} is already consumed for {item} at step {position}; still needed: {parts}</source><translation>{scan}：{part} 已在工序 {position} 耗用到{item}；仍需：{parts}</translation></message><message><source>{scan}: {what} expired on {date}: take a lot within date and report this one to QC</source><translation>{scan}：{what} 已于 {date} 过期：请取用有效期内的批次，并将此批次报告 QC</translation></message><message><source>{scan}: {what} has {left} {unit} left; {item} needs {take}: take another lot</source><translation>{scan}：{what} 仅剩 {left} {unit}；{item} 需要 {take}：请取用另一批次</translation></message><message><source>{scan}: {what} is consumed already: take another one</source><translation>{scan}：{what} 已被耗用：请另取一个</translation></message><message><source>{scan}: {what} is {hold}</source><translation>{scan}：{what} {hold}</translation></message><message><source>{scan}: {what} no longer has {take} {unit} left: take another lot</source><translation>{scan}：{what} 已不足 {take} {unit}：请取用另一批次</translation></message><message><source>{scan}: {what} was already built into {into} on {time}: take another one</source><translation>{scan}：{what} 已于 {time} 装入{into}：请另取一个</translation></message><message><source>{scan}: {what} {reason}</source><translation>{scan}：{what} {reason}</translation></message><message><source>{scan}: {why}</source><translation>{scan}：{why}</translation></message><message><source>{scrap} scrapped, {rework} to rework in {hours} h</source><translation>{hours} 小时内报废 {scrap} 个，返工 {rework} 个</translation></message><message><source>{share} % of units passed each step first time</source><translation>{share}% 的单件各工序一次通过</translation></message><message><source>{share} % of {n} units built have a complete record; {missing} incomplete</source><translation>已完成的 {n} 个单件中 {share}% 记录完整；{missing} 个不完整</translation></message><message><source>{shipment} is empty: scan the cases, pallets or units first</source><translation>{shipment} 为空：请先扫描箱、托盘或单件</translation></message><message><source>{shipment} is {status}: confirm it shipped before recording its delivery</source><translation>{shipment} 状态为{status}：请先确认发货，再登记签收</translation></message><message><source>{shipment} is {status}: nothing more can be added or confirmed; open a new shipment</source><translation>{shipment} 状态为{status}：不能再添加或确认；请新建发货单</translation></message><message><source>{shipment} left on {shipped}: it cannot have been delivered before that ({when})</source><translation>{shipment} 于 {shipped} 发出：不可能在此之前送达（{when}）</translation></message><message><source>{shipment}: delivery was recorded already (signed by {who} on {when})</source><translation>{shipment}：签收已登记（{who} 于 {when} 签收）</translation></message><message><source>{step} failed</source><translation>{step} 不合格</translation></message><message><source>{step} failed: {note}</source><translation>{step} 不合格：{note}</translation></message><message><source>{step} passed</source><translation>{step} 合格</translation></message><message><source>{step} passed: {note}</source><translation>{step} 合格：{note}</translation></message><message><source>{step}: individuals ({unit})</source><translation>{step}：单值（{unit}）</translation></message><message><source>{subject}: {missing} not read yet: read every characteristic of the incoming inspection plan before accepting</source><translation>{subject}：{missing} 尚未读取：判定合格前请读取来料检验计划的每一项特性</translation></message><message><source>{subject}: {reading}: a reading outside its limits fails the incoming inspection: record it as failed, with notes</source><translation>{subject}：{reading}：读数超出限值，来料检验不合格：请记录为不合格并填写备注</translation></message><message><source>{username} holds no qualification "{name}" to revoke</source><translation>{username} 没有可撤销的资质“{name}”</translation></message><message><source>{user} ({role}) may not sign "{meaning}". {who}</source><translation>{user}（{role}）无权以“{meaning}”签名。{who}</translation></message><message><source>{user} ({role}) may not {permission}. {who}.</source><translation>{user}（{role}）无权{permission}。{who}。</translation></message><message><source>{user} is not a user of this database: log in again</source><translation>{user} 不是此数据库的用户：请重新登录</translation></message><message><source>{user} logged in at {station} at {at} while the database was away, but the account is not active: what they did there needs a supervisor's decision</source><translation>{user} 于 {at} 在 {station} 登录（数据库断开期间），但该账户已停用：其在该工位所做的操作需由主管裁定</translation></message><message><source>{user} must first choose a new password (log in again at a station, or lotline user passwd {user})</source><translation>{user} 须先设置新密码（在工位重新登录，或使用 lotline user passwd {user}）</translation></message><message><source>{what} "{value}" contains "{bad}": a UDI allows only {allowed}</source><translation>{what}“{value}”含有“{bad}”：UDI 只允许{allowed}</translation></message><message><source>{what} "{value}" must be 1 to {limit} characters long</source><translation>{what}“{value}”长度必须为 1 到 {limit} 个字符</translation></message><message><source>{what} ({part}) consumed into {item}</source><translation>{what}（{part}）已耗用到{item}</translation></message><message><source>{what} is a demo or common one, never accepted on a production station: ask an administrator to set your own</source><translation>{what}是演示用或常见的，生产工位不接受：请管理员为您设置</translation></message><message><source>{what} needs a reason: say why, in words a reviewer will understand</source><translation>{what}需要原因：请用审核人能看懂的话说明理由</translation></message><message><source>{what} {reading} is above the upper limit ({limits})</source><translation>{what} {reading} 高于上限（{limits}）</translation></message><message><source>{what} {reading} is below the lower limit ({limits})</source><translation>{what} {reading} 低于下限（{limits}）</translation></message><message><source>{what} {reading} is within {limits}</source><translation>{what} {reading} 在 {limits} 范围内</translation></message><message><source>{what}: lot {lot}</source><translation>{what}：批次 {lot}</translation></message><message><source>{what}: lot {lot}, serial {serial}</source><translation>{what}：批次 {lot}，序列号 {serial}</translation></message><message><source>{who}: this authenticator code was used already: wait for the next one</source><translation>{who}：此验证码已使用过：请等待下一个验证码</translation></message><message><source>{who}: wrong or missing authenticator code</source><translation>{who}：验证器代码错误或缺失</translation></message><message><source>{who}: {problem}: ask an administrator</source><translation>{who}：{problem}：请联系管理员</translation></message><message><source>{wrong}: give the site's GLN or name</source><translation>{wrong}：请提供收货地点的全球位置码（GLN）或名称</translation></message><message><source>2D code</source><comment>UdiCarrier</comment><translation>二维码</translation></message><message><source>Control limits approved</source><comment>Meaning</comment><translation>控制限已批准</translation></message><message><source>Device health</source><comment>Panel</comment><translation>设备健康</translation></message><message><source>Disposition approved</source><comment>Meaning</comment><translation>处置已批准</translation></message><message><source>First-pass yield</source><comment>Panel</comment><translation>一次通过率</translation></message><message><source>GS1 (GTIN)</source><comment>DIScheme</comment><translation>GS1 编码（GTIN）</translation></message><message><source>Holds in force</source><comment>Panel</comment><translation>生效的冻结</translation></message><message><source>Label reconciliation</source><comment>Panel</comment><translation>标签对账</translation></message><message><source>Label template approved</source><comment>Meaning</comment><translation>标签模板已批准</translation></message><message><source>Lots awaiting release</source><comment>Panel</comment><translation>待放行批次</translation></message><message><source>MA code (IDcode)</source><comment>DIScheme</comment><translation>MA 码（IDcode）</translation></message><message><source>MR conditional</source><comment>MrSafety</comment><translation>MR 条件安全</translation></message><message><source>MR safe</source><comment>MrSafety</comment><translation>MR 安全</translation></message><message><source>MR unsafe</source><comment>MrSafety</comment><translation>MR 不安全</translation></message><message><source>Material released for use</source><comment>Meaning</comment><translation>物料已放行使用</translation></message><message><source>NCR closed</source><comment>EventKind</comment><translation>关闭 NCR</translation></message><message><source>NCR disposition</source><comment>EventKind</comment><translation>NCR 处置</translation></message><message><source>NCR opened</source><comment>EventKind</comment><translation>开立 NCR</translation></message><message><source>Open nonconformances</source><comment>Panel</comment><translation>未关闭的不合格品报告</translation></message><message><source>QC inspector</source><comment>Role</comment><translation>QC 检验员</translation></message><message><source>QC station</source><comment>StationKind</comment><translation>QC 工位</translation></message><message><source>RFID tag</source><comment>UdiCarrier</comment><translation>射频标签 (RFID)</translation></message><message><source>Recall closed</source><comment>Meaning</comment><translation>召回已关闭</translation></message><message><source>Recall response time</source><comment>Panel</comment><translation>召回响应时间</translation></message><message><source>Released for distribution</source><comment>Meaning</comment><translation>放行销售</translation></message><message><source>Reprint approved</source><comment>Meaning</comment><translation>补打已批准</translation></message><message><source>Reviewed</source><comment>Meaning</comment><translation>已审核</translation></message><message><source>Scrap and rework</source><comment>Panel</comment><translation>报废与返工</translation></message><message><source>Traceability coverage</source><comment>Panel</comment><translation>追溯完整率</translation></message><message><source>Units built per hour</source><comment>Panel</comment><translation>每小时完成单件</translation></message><message><source>Work in progress by step</source><comment>Panel</comment><translation>各工序在制品</translation></message><message><source>X-bar and R</source><comment>ChartKind</comment><translation>均值-极差</translation></message><message><source>administration station</source><comment>StationKind</comment><translation>管理工位</translation></message><message><source>administrator</source><comment>Role</comment><translation>管理员</translation></message><message><source>applied</source><comment>LabelTally</comment><translation>已贴附</translation></message><message><source>approve label reprints</source><comment>Permission</comment><translation>批准标签补打</translation></message><message><source>approve label templates</source><comment>Permission</comment><translation>批准标签模板</translation></message><message><source>approved</source><comment>TemplateStatus</comment><translation>已批准</translation></message><message><source>by lot</source><comment>Tracking</comment><translation>按批次</translation></message><message><source>by serial number</source><comment>Tracking</comment><translation>按序列号</translation></message><message><source>calibrated</source><comment>CalibrationState</comment><translation>已校准</translation></message><message><source>calibration due soon</source><comment>DeviceHealth</comment><translation>即将到期校准</translation></message><message><source>calibration overdue</source><comment>CalibrationState</comment><translation>校准已过期</translation></message><message><source>calibration overdue</source><comment>DeviceHealth</comment><translation>校准已过期</translation></message><message><source>cancelled</source><comment>WorkOrderStatus</comment><translation>已取消</translation></message><message><source>captured</source><comment>JournalState</comment><translation>已采集</translation></message><message><source>case</source><comment>ItemKind</comment><translation>箱</translation></message><message><source>case closed</source><comment>EventKind</comment><translation>封箱</translation></message><message><source>case opened</source><comment>EventKind</comment><translation>新建箱</translation></message><message><source>check</source><comment>EventKind</comment><translation>检查</translation></message><message><source>check</source><comment>OfflineStep</comment><translation>检查</translation></message><message><source>check</source><comment>StepKind</comment><translation>检查</translation></message><message><source>class I</source><comment>NmpaClass</comment><translation>Ⅰ类</translation></message><message><source>class II</source><comment>NmpaClass</comment><translation>Ⅱ类</translation></message><message><source>class III</source><comment>NmpaClass</comment><translation>Ⅲ类</translation></message><message><source>closed</source><comment>NcrStatus</comment><translation>已关闭</translation></message><message><source>closed</source><comment>RecallStatus</comment><translation>已关闭</translation></message><message><source>closed</source><comment>Status</comment><translation>已封装</translation></message><message><source>closed</source><comment>WorkOrderStatus</comment><translation>已关闭</translation></message><message><source>commission serial numbers</source><comment>Permission</comment><translation>分配序列号</translation></message><message><source>completed</source><comment>Status</comment><translation>已完成</translation></message><message><source>completed</source><comment>WorkOrderStatus</comment><translation>已完成</translation></message><message><source>component step without a linked component</source><comment>CoverageGap</comment><translation>组件工序缺少关联组件</translation></message><message><source>conflict</source><comment>JournalState</comment><translation>冲突</translation></message><message><source>consumable</source><comment>NmpaProductType</comment><translation>耗材</translation></message><message><source>consume</source><comment>EventKind</comment><translation>耗用</translation></message><message><source>consume</source><comment>LinkKind</comment><translation>耗用</translation></message><message><source>consume</source><comment>OfflineStep</comment><translation>耗用</translation></message><message><source>consume components</source><comment>Permission</comment><translation>耗用部件</translation></message><message><source>consumed</source><comment>Status</comment><translation>已耗用</translation></message><message><source>corrected in the field</source><comment>RecallDisposition</comment><translation>现场纠正</translation></message><message><source>create and release work orders</source><comment>Permission</comment><translation>创建并下达工单</translation></message><message><source>created</source><comment>WorkOrderStatus</comment><translation>已创建</translation></message><message><source>dashboard station</source><comment>StationKind</comment><translation>看板工位</translation></message><message><source>decide steps refused after an outage</source><comment>Permission</comment><translation>裁定断网期间被拒的工序</translation></message><message><source>destroyed</source><comment>LabelTally</comment><translation>已销毁</translation></message><message><source>destroyed on site</source><comment>RecallDisposition</comment><translation>现场销毁</translation></message><message><source>disposal</source><comment>EventKind</comment><translation>处置</translation></message><message><source>disposal</source><comment>ServiceKind</comment><translation>处置</translation></message><message><source>disposed</source><comment>RecallState</comment><translation>已处置</translation></message><message><source>disposed</source><comment>Status</comment><translation>已处置</translation></message><message><source>disposition SPC anomaly flags</source><comment>Permission</comment><translation>处置 SPC 异常标记</translation></message><message><source>disposition nonconformances</source><comment>Permission</comment><translation>处置不合格品</translation></message><message><source>dispositioned</source><comment>FlagStatus</comment><translation>已处置</translation></message><message><source>dispositioned</source><comment>NcrStatus</comment><translation>已处置</translation></message><message><source>dispositioned</source><comment>RecallAction</comment><translation>已处置</translation></message><message><source>draft</source><comment>TemplateStatus</comment><translation>草稿</translation></message><message><source>equipment</source><comment>NmpaProductType</comment><translation>设备</translation></message><message><source>execute production steps</source><comment>Permission</comment><translation>执行生产工序</translation></message><message><source>export batch records</source><comment>Permission</comment><translation>导出批记录</translation></message><message><source>fail</source><comment>Outcome</comment><translation>不合格</translation></message><message><source>failed</source><comment>CalibrationResult</comment><translation>不合格</translation></message><message><source>failed</source><comment>Outcome</comment><translation>未通过</translation></message><message><source>failed</source><comment>PrintStatus</comment><translation>发送失败</translation></message><message><source>failed calibration</source><comment>CalibrationState</comment><translation>校准不合格</translation></message><message><source>freeze SPC control limits</source><comment>Permission</comment><translation>锁定 SPC 控制限</translation></message><message><source>held</source><comment>PrintStatus</comment><translation>打印机暂挂</translation></message><message><source>hold</source><comment>EventKind</comment><translation>冻结</translation></message><message><source>hold release</source><comment>EventKind</comment><translation>解除冻结</translation></message><message><source>housing</source><comment>LabelPurpose</comment><translation>外壳</translation></message><message><source>in order</source><comment>DeviceHealth</comment><translation>正常</translation></message><message><source>in production</source><comment>Status</comment><translation>生产中</translation></message><message><source>in quarantine</source><comment>Status</comment><translation>隔离中</translation></message><message><source>in stock</source><comment>RecallState</comment><translation>在库</translation></message><message><source>in-vitro diagnostic reagent</source><comment>NmpaCategory</comment><translation>体外诊断试剂</translation></message><message><source>incoming inspection</source><comment>EventKind</comment><translation>来料检验</translation></message><message><source>individuals and moving range</source><comment>ChartKind</comment><translation>单值-移动极差</translation></message><message><source>inspect</source><comment>EventKind</comment><translation>检验</translation></message><message><source>inspect</source><comment>StepKind</comment><translation>检验</translation></message><message><source>inspection</source><comment>EventKind</comment><translation>QC 检验</translation></message><message><source>installation</source><comment>EventKind</comment><translation>安装</translation></message><message><source>installation</source><comment>ServiceKind</comment><translation>安装</translation></message><message><source>installed</source><comment>RecallState</comment><translation>已安装</translation></message><message><source>installed</source><comment>Status</comment><translation>已安装</translation></message><message><source>issued</source><comment>LabelTally</comment><translation>已发放</translation></message><message><source>label</source><comment>StepKind</comment><translation>贴标</translation></message><message><source>label print</source><comment>EventKind</comment><translation>标签打印</translation></message><message><source>label printer</source><comment>DeviceKind</comment><translation>标签打印机</translation></message><message><source>label reconciliation</source><comment>EventKind</comment><translation>标签对账</translation></message><message><source>label reprint</source><comment>EventKind</comment><translation>标签补打</translation></message><message><source>label scan-back</source><comment>EventKind</comment><translation>标签回扫</translation></message><message><source>line operator</source><comment>Role</comment><translation>产线操作员</translation></message><message><source>linear bar code</source><comment>UdiCarrier</comment><translation>一维码</translation></message><message><source>log-in</source><comment>OfflineStep</comment><translation>登录</translation></message><message><source>lot release</source><comment>EventKind</comment><translation>批次放行</translation></message><message><source>lots not reconciled</source><comment>LabelTally</comment><translation>未对账批次</translation></message><message><source>manage master data</source><comment>Permission</comment><translation>管理主数据</translation></message><message><source>manage stations and devices</source><comment>Permission</comment><translation>管理工位和设备</translation></message><message><source>manage users</source><comment>Permission</comment><translation>管理用户</translation></message><message><source>material lot</source><comment>ItemKind</comment><translation>物料批次</translation></message><message><source>material rejection</source><comment>EventKind</comment><translation>物料拒收</translation></message><message><source>material release</source><comment>EventKind</comment><translation>物料放行</translation></message><message><source>measurement</source><comment>OfflineStep</comment><translation>测量</translation></message><message><source>medical device</source><comment>NmpaCategory</comment><translation>器械</translation></message><message><source>mismatch</source><comment>Outcome</comment><translation>不一致</translation></message><message><source>never printed</source><comment>LabelTally</comment><translation>未打印</translation></message><message><source>no MR information in the labelling</source><comment>MrSafety</comment><translation>说明书或标签不包括 MR 安全信息</translation></message><message><source>no action</source><comment>RecallDisposition</comment><translation>无需措施</translation></message><message><source>no calibration recorded</source><comment>CalibrationState</comment><translation>无校准记录</translation></message><message><source>no verified label</source><comment>CoverageGap</comment><translation>没有回扫验证的标签</translation></message><message><source>nonconforming</source><comment>Status</comment><translation>不合格</translation></message><message><source>not recoverable</source><comment>RecallDisposition</comment><translation>无法追回</translation></message><message><source>notified</source><comment>RecallAction</comment><translation>已通知</translation></message><message><source>ok</source><comment>Outcome</comment><translation>合格</translation></message><message><source>open</source><comment>ConflictStatus</comment><translation>未处理</translation></message><message><source>open</source><comment>FlagStatus</comment><translation>未处置</translation></message><message><source>open</source><comment>NcrStatus</comment><translation>待处理</translation></message><message><source>open</source><comment>RecallStatus</comment><translation>进行中</translation></message><message><source>open</source><comment>ShipmentStatus</comment><translation>未发货</translation></message><message><source>open</source><comment>Status</comment><translation>装箱中</translation></message><message><source>open nonconformances</source><comment>Permission</comment><translation>开立不合格品报告</translation></message><message><source>operator station</source><comment>StationKind</comment><translation>操作员工位</translation></message><message><source>out of tolerance</source><comment>Outcome</comment><translation>超出公差</translation></message><message><source>pack</source><comment>EventKind</comment><translation>装箱</translation></message><message><source>pack</source><comment>LinkKind</comment><translation>装箱</translation></message><message><source>pack</source><comment>StepKind</comment><translation>装箱</translation></message><message><source>pack units into cases and pallets</source><comment>Permission</comment><translation>将单件装箱和装托盘</translation></message><message><source>packaging station</source><comment>StationKind</comment><translation>包装工位</translation></message><message><source>packed</source><comment>Status</comment><translation>已装箱</translation></message><message><source>packer</source><comment>Role</comment><translation>包装员</translation></message><message><source>pallet</source><comment>ItemKind</comment><translation>托盘</translation></message><message><source>pallet closed</source><comment>EventKind</comment><translation>封托盘</translation></message><message><source>pallet opened</source><comment>EventKind</comment><translation>新建托盘</translation></message><message><source>passed</source><comment>CalibrationResult</comment><translation>合格</translation></message><message><source>pending</source><comment>JournalState</comment><translation>待上传</translation></message><message><source>place holds</source><comment>Permission</comment><translation>施加冻结</translation></message><message><source>planning station</source><comment>StationKind</comment><translation>计划工位</translation></message><message><source>print labels</source><comment>Permission</comment><translation>打印标签</translation></message><message><source>printed</source><comment>PrintStatus</comment><translation>已打印</translation></message><message><source>production lot</source><comment>ItemKind</comment><translation>生产批次</translation></message><message><source>queued</source><comment>PrintStatus</comment><translation>排队中</translation></message><message><source>recall closed</source><comment>EventKind</comment><translation>关闭召回</translation></message><message><source>recall opened</source><comment>EventKind</comment><translation>启动召回</translation></message><message><source>receive</source><comment>EventKind</comment><translation>收货</translation></message><message><source>receive material lots</source><comment>Permission</comment><translation>接收物料批次</translation></message><message><source>receiving station</source><comment>StationKind</comment><translation>收货工位</translation></message><message><source>reconcile labels</source><comment>Permission</comment><translation>标签对账</translation></message><message><source>record incoming inspections</source><comment>Permission</comment><translation>记录来料检验</translation></message><message><source>record inspections</source><comment>Permission</comment><translation>记录检验</translation></message><message><source>record installation, service, returns and disposal</source><comment>Permission</comment><translation>记录安装、维修、退货和处置</translation></message><message><source>recorded</source><comment>JournalState</comment><translation>已记录</translation></message><message><source>recorded after the cause was fixed</source><comment>ConflictDecision</comment><translation>原因已排除后记录</translation></message><message><source>refusals or reconnects</source><comment>DeviceHealth</comment><translation>有拒绝或重连</translation></message><message><source>refused at the station</source><comment>JournalState</comment><translation>工位已拒绝</translation></message><message><source>rejected</source><comment>Outcome</comment><translation>已拒收</translation></message><message><source>rejected</source><comment>Status</comment><translation>已拒收</translation></message><message><source>release holds</source><comment>Permission</comment><translation>解除冻结</translation></message><message><source>release lots for distribution</source><comment>Permission</comment><translation>放行批次用于销售</translation></message><message><source>release or reject material lots</source><comment>Permission</comment><translation>放行或拒收物料批次</translation></message><message><source>released</source><comment>Status</comment><translation>已放行</translation></message><message><source>released</source><comment>WorkOrderStatus</comment><translation>已下达</translation></message><message><source>repair</source><comment>EventKind</comment><translation>维修</translation></message><message><source>repair</source><comment>ServiceKind</comment><translation>维修</translation></message><message><source>reprints</source><comment>LabelTally</comment><translation>补打</translation></message><message><source>resolved</source><comment>ConflictStatus</comment><translation>已裁定</translation></message><message><source>retired</source><comment>TemplateStatus</comment><translation>已停用</translation></message><message><source>return</source><comment>EventKind</comment><translation>退回</translation></message><message><source>return</source><comment>ServiceKind</comment><translation>退回</translation></message><message><source>returned</source><comment>LabelTally</comment><translation>已退回</translation></message><message><source>returned</source><comment>RecallAction</comment><translation>已退回</translation></message><message><source>returned</source><comment>RecallState</comment><translation>已退回</translation></message><message><source>returned</source><comment>Status</comment><translation>已退回</translation></message><message><source>review the audit trail</source><comment>Permission</comment><translation>查阅审计追踪</translation></message><message><source>rework</source><comment>Disposition</comment><translation>返工</translation></message><message><source>reworked</source><comment>RecallDisposition</comment><translation>已返工</translation></message><message><source>route step without a passing record</source><comment>CoverageGap</comment><translation>工序缺少合格记录</translation></message><message><source>rule 1: a point beyond 3 sigma</source><comment>SpcRule</comment><translation>规则 1：一点超出 3 sigma</translation></message><message><source>rule 2: 9 points in a row on one side of the centre line</source><comment>SpcRule</comment><translation>规则 2：连续 9 点落在中心线同一侧</translation></message><message><source>rule 3: 6 points in a row steadily increasing or decreasing</source><comment>SpcRule</comment><translation>规则 3：连续 6 点递增或递减</translation></message><message><source>rule 4: 14 points in a row alternating up and down</source><comment>SpcRule</comment><translation>规则 4：连续 14 点上下交替</translation></message><message><source>rule 5: 2 of 3 points beyond 2 sigma on one side</source><comment>SpcRule</comment><translation>规则 5：连续 3 点中有 2 点在同侧超出 2 sigma</translation></message><message><source>rule 6: 4 of 5 points beyond 1 sigma on one side</source><comment>SpcRule</comment><translation>规则 6：连续 5 点中有 4 点在同侧超出 1 sigma</translation></message><message><source>rule 7: 15 points in a row within 1 sigma</source><comment>SpcRule</comment><translation>规则 7：连续 15 点在 1 sigma 以内</translation></message><message><source>rule 8: 8 points in a row beyond 1 sigma on both sides</source><comment>SpcRule</comment><translation>规则 8：连续 8 点在两侧超出 1 sigma</translation></message><message><source>run recalls</source><comment>Permission</comment><translation>执行召回</translation></message><message><source>scale</source><comment>DeviceKind</comment><translation>电子秤</translation></message><message><source>scan component</source><comment>StepKind</comment><translation>扫描部件</translation></message><message><source>scanner</source><comment>DeviceKind</comment><translation>扫描枪</translation></message><message><source>scrap</source><comment>Disposition</comment><translation>报废</translation></message><message><source>scrapped</source><comment>RecallDisposition</comment><translation>已报废</translation></message><message><source>scrapped</source><comment>RecallState</comment><translation>已报废</translation></message><message><source>scrapped</source><comment>Status</comment><translation>已报废</translation></message><message><source>serial commissioning</source><comment>EventKind</comment><translation>序列号分配</translation></message><message><source>service</source><comment>EventKind</comment><translation>保养</translation></message><message><source>service</source><comment>ServiceKind</comment><translation>保养</translation></message><message><source>service station</source><comment>StationKind</comment><translation>售后服务工位</translation></message><message><source>ship</source><comment>EventKind</comment><translation>发货</translation></message><message><source>ship to customers</source><comment>Permission</comment><translation>向客户发货</translation></message><message><source>shipment</source><comment>EventKind</comment><translation>发货单</translation></message><message><source>shipped</source><comment>RecallState</comment><translation>已发货</translation></message><message><source>shipped</source><comment>ShipmentStatus</comment><translation>已发货</translation></message><message><source>shipped</source><comment>Status</comment><translation>已发货</translation></message><message><source>shipping station</source><comment>StationKind</comment><translation>发货工位</translation></message><message><source>supervisor</source><comment>Role</comment><translation>主管</translation></message><message><source>to be done again at the station</source><comment>ConflictDecision</comment><translation>在工位重做</translation></message><message><source>trace items</source><comment>Permission</comment><translation>追溯物品</translation></message><message><source>trace station</source><comment>StationKind</comment><translation>追溯工位</translation></message><message><source>unit</source><comment>ItemKind</comment><translation>单件</translation></message><message><source>unit</source><comment>LabelPurpose</comment><translation>单件</translation></message><message><source>unpack</source><comment>EventKind</comment><translation>拆箱</translation></message><message><source>use as is</source><comment>Disposition</comment><translation>让步接收</translation></message><message><source>verified</source><comment>PrintStatus</comment><translation>已验证</translation></message><message><source>verified by scanning back</source><comment>LabelTally</comment><translation>已回扫验证</translation></message><message><source>verify labels</source><comment>Permission</comment><translation>验证标签</translation></message><message><source>view the plant dashboard</source><comment>Permission</comment><translation>查看工厂看板</translation></message><message><source>void: it did not happen as captured</source><comment>ConflictDecision</comment><translation>作废：未按采集内容发生</translation></message><message><source>voided</source><comment>LabelTally</comment><translation>已作废</translation></message><message><source>voided</source><comment>PrintStatus</comment><translation>已作废</translation></message><message><source>weigh</source><comment>EventKind</comment><translation>称重</translation></message><message><source>weigh</source><comment>StepKind</comment><translation>称重</translation></message><message><source>weight</source><comment>OfflineStep</comment><translation>称重</translation></message><message><source>weight entered by hand</source><comment>EventKind</comment><translation>手工录入重量</translation></message><message><source>work order release</source><comment>EventKind</comment><translation>工单下达</translation></message></context></TS>