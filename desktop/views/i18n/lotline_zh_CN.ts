<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../admin.py" line="44" />
        <source>Users and roles</source>
        <translation>用户与角色</translation>
    </message>
    <message>
        <location filename="../admin.py" line="45" />
        <source>Stations and devices</source>
        <translation>工位与设备</translation>
    </message>
    <message>
        <location filename="../admin.py" line="51" />
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../admin.py" line="57" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../admin.py" line="58" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="59" />
        <location filename="../admin.py" line="76" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../admin.py" line="60" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../admin.py" line="61" />
        <location filename="../admin.py" line="75" />
        <source>Printed name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../admin.py" line="71" />
        <source>Reason (required to unlock or disable)</source>
        <translation>原因（解锁或停用时必填）</translation>
    </message>
    <message>
        <location filename="../admin.py" line="74" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../admin.py" line="77" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../admin.py" line="78" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../admin.py" line="79" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../admin.py" line="82" />
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="85" />
        <source>Unlock selected</source>
        <translation>解锁所选</translation>
    </message>
    <message>
        <location filename="../admin.py" line="86" />
        <source>Disable selected</source>
        <translation>停用所选</translation>
    </message>
    <message>
        <location filename="../admin.py" line="121" />
        <source>User added</source>
        <translation>已添加用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="129" />
        <source>No user selected</source>
        <translation>未选择用户</translation>
    </message>
    <message>
        <location filename="../admin.py" line="129" />
        <source>Select a user in the list.</source>
        <translation>请在列表中选择一个用户。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="136" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../admin.py" line="143" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../admin.py" line="144" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../admin.py" line="145" />
        <location filename="../admin.py" line="151" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../admin.py" line="146" />
        <location filename="../admin.py" line="150" />
        <location filename="../admin.py" line="151" />
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../admin.py" line="147" />
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../admin.py" line="150" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../admin.py" line="150" />
        <source>Hardware id</source>
        <translation>硬件 ID</translation>
    </message>
    <message>
        <location filename="../admin.py" line="151" />
        <source>Identity</source>
        <translation>标识</translation>
    </message>
    <message>
        <location filename="../admin.py" line="152" />
        <source>List serial ports</source>
        <translation>列出串口</translation>
    </message>
    <message>
        <location filename="../admin.py" line="152" />
        <source>Auto-detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <location filename="../admin.py" line="155" />
        <source>Read a weight</source>
        <translation>读取重量</translation>
    </message>
    <message>
        <location filename="../admin.py" line="156" />
        <source>Print a test label</source>
        <translation>打印测试标签</translation>
    </message>
    <message>
        <location filename="../admin.py" line="157" />
        <source>Wait for a test scan</source>
        <translation>等待测试扫描</translation>
    </message>
    <message>
        <location filename="../admin.py" line="163" />
        <source>Registered stations and devices</source>
        <translation>已登记的工位与设备</translation>
    </message>
    <message>
        <location filename="../admin.py" line="165" />
        <source>Serial ports of this computer</source>
        <translation>本机串口</translation>
    </message>
    <message>
        <location filename="../admin.py" line="188" />
        <source>Auto-detect finished</source>
        <translation>自动检测完成</translation>
    </message>
    <message>
        <location filename="../admin.py" line="189" />
        <source>%1 device(s) answered.</source>
        <translation>%1 台设备有响应。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="195" />
        <source>Scale reading</source>
        <translation>秤读数</translation>
    </message>
    <message>
        <location filename="../admin.py" line="198" />
        <source>No reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <location filename="../admin.py" line="199" />
        <source>The scale has sent nothing yet.</source>
        <translation>秤尚未发送任何数据。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="200" />
        <source>Check the scale's cable, port and baud rate.</source>
        <translation>请检查秤的线缆、端口和波特率。</translation>
    </message>
    <message>
        <location filename="../admin.py" line="210" />
        <source>Test label</source>
        <translation>测试标签</translation>
    </message>
    <message>
        <location filename="../admin.py" line="216" />
        <source>Scan any barcode now…</source>
        <translation>请现在扫描任意条码…</translation>
    </message>
    <message>
        <location filename="../admin.py" line="222" />
        <source>no AIM identifier</source>
        <translation>无 AIM 标识符</translation>
    </message>
    <message>
        <location filename="../admin.py" line="223" />
        <source>Scanner works</source>
        <translation>扫描枪正常</translation>
    </message>
    <message>
        <location filename="../admin.py" line="238" />
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../admin.py" line="240" />
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../admin.py" line="242" />
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../admin.py" line="274" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../admin.py" line="274" />
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
</context>
<context>
    <name>CaseActions</name>
    <message>
        <location filename="../packaging_actions.py" line="117" />
        <source>Case is %1</source>
        <translation>箱状态：%1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="118" />
        <source>%1 is %2: nothing more is packed into it.</source>
        <translation>%1 状态为 %2：不能再装入。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="121" />
        <source>Scan an open case, or F7 for a new one.</source>
        <translation>请扫描未封的箱，或按 F7 新建箱。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="124" />
        <source>Open case: %1</source>
        <translation>当前箱：%1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="132" />
        <source>New case: SSCC %1</source>
        <translation>新箱：SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="144" />
        <source>Case closed: SSCC %1</source>
        <translation>已封箱：SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="172" />
        <source>The case is full: close it (F8).</source>
        <translation>箱已满：请封箱（F8）。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="173" />
        <source>Packed: %1</source>
        <translation>已装箱：%1</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="179" />
        <source>No open case</source>
        <translation>无当前箱</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="180" />
        <source>Packing needs an open case.</source>
        <translation>装箱需要一个未封的当前箱。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="181" />
        <source>Scan a case label, or press F7 for a new case.</source>
        <translation>请扫描箱标签，或按 F7 新建箱。</translation>
    </message>
</context>
<context>
    <name>CaseBox</name>
    <message>
        <location filename="../packaging_parts.py" line="153" />
        <source>Open case</source>
        <translation>当前箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="161" />
        <source>fill the case</source>
        <translation>装满此箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="162" />
        <source>Kits of a lot to pack with one scan</source>
        <translation>扫描一次装入的本批次套件数</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="168" />
        <source>Kits per scan</source>
        <translation>每次扫描套件数</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="173" />
        <source>No open case</source>
        <translation>无当前箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="174" />
        <source>Scan a case label, or F7 for a new case</source>
        <translation>扫描箱标签，或按 F7 新建箱</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="178" />
        <source>SSCC %1</source>
        <translation>SSCC %1</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="181" />
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="183" />
        <source>open</source>
        <translation>装箱中</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="183" />
        <source>■ %1</source>
        <translation>■ %1</translation>
    </message>
</context>
<context>
    <name>HoldsTab</name>
    <message>
        <location filename="../qc_tabs.py" line="247" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="248" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="249" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="250" />
        <source>Placed</source>
        <translation>冻结记录</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="251" />
        <source>Released</source>
        <translation>解除记录</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="255" />
        <source>Reason for placing or releasing the hold</source>
        <translation>冻结或解除冻结的原因</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="257" />
        <source>NCR (optional)</source>
        <translation>NCR（可选）</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="259" />
        <source>Scan a unit or lot first.</source>
        <translation>请先扫描单件或批次。</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="260" />
        <source>Place hold</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="261" />
        <source>Release hold</source>
        <translation>解除冻结</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="276" />
        <source>F10 and F11 act on %1. Holds of the lot:</source>
        <translation>F10 和 F11 作用于 %1。本批次的冻结：</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="281" />
        <source>✖ ON HOLD</source>
        <translation>✖ 冻结中</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="281" />
        <source>released</source>
        <translation>已解除</translation>
    </message>
</context>
<context>
    <name>InspectionTab</name>
    <message>
        <location filename="../qc_tabs.py" line="182" />
        <source>Scan a unit or lot first.</source>
        <translation>请先扫描单件或批次。</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="187" />
        <source>Type the reading, then Enter</source>
        <translation>输入读数，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="189" />
        <source>Record reading</source>
        <translation>记录读数</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="191" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="191" />
        <location filename="../qc_tabs.py" line="196" />
        <source>Characteristic</source>
        <translation>检验特性</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="191" />
        <location filename="../qc_tabs.py" line="198" />
        <source>Reading</source>
        <translation>读数</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="191" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="218" />
        <source>%1 – %2 %3</source>
        <translation>%1 – %2 %3</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <location filename="../packaging_actions.py" line="35" />
        <source>Nothing to reprint</source>
        <translation>没有可补打的标签</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="36" />
        <source>Reprint needs an item whose label was printed, and a printer.</source>
        <translation>补打需要一个已打印过标签的物品和一台打印机。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="37" />
        <source>Scan the unit (or select it in the queue) first.</source>
        <translation>请先扫描单件（或在队列中选择）。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="54" />
        <source>Reprint of the label of %1</source>
        <translation>补打 %1 的标签</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="59" />
        <source>Why reprint</source>
        <translation>补打原因</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="60" />
        <source>A supervisor signs: the supervisor's user name and password.</source>
        <translation>由主管签名：输入主管的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="71" />
        <source>No lot</source>
        <translation>无批次</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="72" />
        <source>Reconciliation is per lot.</source>
        <translation>标签对账按批次进行。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="73" />
        <source>Scan a unit or the lot first.</source>
        <translation>请先扫描单件或批次。</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="93" />
        <source>Labels of lot %1 reconciled</source>
        <translation>批次 %1 的标签已对账</translation>
    </message>
    <message>
        <location filename="../packaging_actions.py" line="94" />
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
        <location filename="../login.py" line="61" />
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
        <location filename="../login.py" line="70" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="24" />
        <source>Authenticator code (if asked)</source>
        <translation>动态验证码（如要求）</translation>
    </message>
    <message>
        <location filename="../login.py" line="28" />
        <source>Log in with badge</source>
        <translation>工牌登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="29" />
        <source>Log in with password</source>
        <translation>密码登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="60" />
        <location filename="../login.py" line="61" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../login.py" line="69" />
        <source>User name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <location filename="../login.py" line="70" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../login.py" line="76" />
        <source>Authenticator code</source>
        <translation>动态验证码</translation>
    </message>
    <message>
        <location filename="../login.py" line="88" />
        <source>Scan your badge, then type your PIN.</source>
        <translation>请扫描工牌，然后输入 PIN。</translation>
    </message>
    <message>
        <location filename="../login.py" line="98" />
        <source>Not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../login.py" line="98" />
        <source>Check your badge, PIN or password.</source>
        <translation>请检查工牌、PIN 或密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../shell.py" line="85" />
        <source>Lotline — %1</source>
        <extracomment>Which screens each role sees (the station's kind picks the first one shown).</extracomment>
        <translation>Lotline — %1</translation>
    </message>
    <message>
        <location filename="../shell.py" line="93" />
        <source>SIMULATION — simulated devices; nothing recorded here is production data</source>
        <translation>模拟 — 设备为模拟设备；此处记录的任何内容都不是生产数据</translation>
    </message>
    <message>
        <location filename="../shell.py" line="121" />
        <source>Scanner</source>
        <translation>扫描枪</translation>
    </message>
    <message>
        <location filename="../shell.py" line="122" />
        <source>Scale</source>
        <translation>秤</translation>
    </message>
    <message>
        <location filename="../shell.py" line="123" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../shell.py" line="126" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../shell.py" line="131" />
        <source>Logged out.</source>
        <translation>已退出登录。</translation>
    </message>
    <message>
        <location filename="../shell.py" line="149" />
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../shell.py" line="150" />
        <source>QC inspector</source>
        <translation>QC 检验员</translation>
    </message>
    <message>
        <location filename="../shell.py" line="151" />
        <source>packer</source>
        <translation>包装员</translation>
    </message>
    <message>
        <location filename="../shell.py" line="152" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../shell.py" line="153" />
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../shell.py" line="158" />
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../shell.py" line="159" />
        <source>error</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../shell.py" line="160" />
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../shell.py" line="161" />
        <source>simulated</source>
        <translation>模拟</translation>
    </message>
    <message>
        <location filename="../shell.py" line="172" />
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../shell.py" line="224" />
        <source>Logged in as %1.</source>
        <translation>已登录：%1。</translation>
    </message>
    <message>
        <location filename="../shell.py" line="254" />
        <source>Locked after %1 minutes without input.</source>
        <translation>%1 分钟无操作，已锁定。</translation>
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
        <location filename="../qc_tabs.py" line="108" />
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="108" />
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="108" />
        <source>Use as is</source>
        <translation>让步接收</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="114" />
        <source>where it stopped</source>
        <translation>中断处</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="116" />
        <source>Closing note: what was done</source>
        <translation>关闭说明：已采取的措施</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="118" />
        <source>What is wrong with the scanned item</source>
        <translation>所扫物品有什么问题</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="119" />
        <source>Disposition…</source>
        <translation>处置…</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="120" />
        <source>Close NCR</source>
        <translation>关闭 NCR</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="121" />
        <source>Open NCR</source>
        <translation>开立 NCR</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="127" />
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="129" />
        <source>Rework from step</source>
        <translation>返工起始工序</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="151" />
        <source>✖ open</source>
        <translation>✖ 待处置</translation>
    </message>
    <message>
        <location filename="../qc_tabs.py" line="151" />
        <source>dispositioned</source>
        <translation>已处置</translation>
    </message>
</context>
<context>
    <name>OperatorScreen</name>
    <message>
        <location filename="../operator.py" line="50" />
        <source>Operator</source>
        <translation>生产作业</translation>
    </message>
    <message>
        <location filename="../operator.py" line="55" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../operator.py" line="61" />
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <location filename="../operator.py" line="62" />
        <source>NOT STABLE</source>
        <translation>不稳定</translation>
    </message>
    <message>
        <location filename="../operator.py" line="63" />
        <source>no reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <location filename="../operator.py" line="64" />
        <source>OUT OF TOLERANCE</source>
        <translation>超出公差</translation>
    </message>
    <message>
        <location filename="../operator.py" line="68" />
        <source>Type the reading, then Enter</source>
        <translation>输入读数，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../operator.py" line="70" />
        <source>Record weight</source>
        <translation>记录重量</translation>
    </message>
    <message>
        <location filename="../operator.py" line="72" />
        <source>PASS</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../operator.py" line="73" />
        <source>FAIL</source>
        <translation>不合格</translation>
    </message>
    <message>
        <location filename="../operator.py" line="76" />
        <source>Next unit</source>
        <translation>下一件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="97" />
        <source>Steps</source>
        <translation>工序</translation>
    </message>
    <message>
        <location filename="../operator.py" line="99" />
        <source>Last scans of this unit</source>
        <translation>本件最近扫描</translation>
    </message>
    <message>
        <location filename="../operator.py" line="123" />
        <source>No unit</source>
        <translation>未载入单件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="124" />
        <source>Scan a unit</source>
        <translation>扫描单件</translation>
    </message>
    <message>
        <location filename="../operator.py" line="126" />
        <source>Scan the serial label of the unit (or the lot label).</source>
        <translation>扫描单件的序列号标签（或批次标签）。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="161" />
        <source>Nonconformance %1 is open: put the unit aside for QC.</source>
        <translation>不合格品报告 %1 已开立：请将此件放到一旁，交 QC 处理。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="164" />
        <source>Step failed</source>
        <translation>工序未通过</translation>
    </message>
    <message>
        <location filename="../operator.py" line="169" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../operator.py" line="171" />
        <source>Nothing was recorded for this scan. Scan again, or press Enter.</source>
        <translation>本次扫描未记录任何内容。请重新扫描，或按 Enter。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="229" />
        <source>No reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <location filename="../operator.py" line="230" />
        <source>The scale has sent no weight yet.</source>
        <translation>秤尚未发送重量。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="231" />
        <source>Check the scale is on and connected.</source>
        <translation>请检查秤已开机并已连接。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="254" />
        <source>Not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <location filename="../operator.py" line="255" />
        <source>"%1" is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="256" />
        <source>Type the reading as digits, e.g. 1.02</source>
        <translation>请用数字输入读数，例如 1.02</translation>
    </message>
    <message>
        <location filename="../operator.py" line="283" />
        <source>Ready for the next unit.</source>
        <translation>可以处理下一件。</translation>
    </message>
    <message>
        <location filename="../operator.py" line="307" />
        <source>Unit loaded</source>
        <translation>已载入单件</translation>
    </message>
</context>
<context>
    <name>PackagingScreen</name>
    <message>
        <location filename="../packaging.py" line="63" />
        <source>Packaging</source>
        <translation>包装</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="67" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="71" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="72" />
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="73" />
        <source>Print label</source>
        <translation>打印标签</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="74" />
        <source>Reprint…</source>
        <translation>补打…</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="75" />
        <source>New case</source>
        <translation>新建箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="76" />
        <source>Close case</source>
        <translation>封箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="79" />
        <source>Print queue (Enter selects)</source>
        <translation>打印队列（Enter 选择）</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="122" />
        <source>Apply the label, then scan it back</source>
        <translation>贴上标签，然后回扫</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="124" />
        <source>Reprint the label with a supervisor: F10</source>
        <translation>由主管补打标签：F10</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="126" />
        <source>Print the label: F9</source>
        <translation>打印标签：F9</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="128" />
        <source>Scan a unit to label, or a case label to pack</source>
        <translation>扫描待贴标单件，或扫描箱标签开始装箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="130" />
        <source>Scan a labelled unit to pack it</source>
        <translation>扫描已贴标单件以装箱</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="159" />
        <source>Scan not used</source>
        <translation>扫描未被采用</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="160" />
        <source>The scan "%1" was not used while a dialog is open.</source>
        <translation>对话框打开期间，扫描“%1”未被采用。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="163" />
        <source>Finish or cancel the dialog, then scan again.</source>
        <translation>请完成或取消对话框，然后重新扫描。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="174" />
        <source>Not waiting for the scan-back any more.</source>
        <translation>已不再等待回扫。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="184" />
        <source>A pallet</source>
        <translation>这是托盘</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="185" />
        <source>%1 is a pallet; this station packs units into cases.</source>
        <translation>%1 是托盘；本工位只把单件装入箱。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="188" />
        <source>Scan a case label, or a unit.</source>
        <translation>请扫描箱标签或单件。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="206" />
        <source>Rendering the label of %1…</source>
        <translation>正在生成 %1 的标签…</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="213" />
        <source>Not released</source>
        <translation>未放行</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="214" />
        <source>%1 is %2: labels are printed only for released items.</source>
        <translation>%1 状态为 %2：只有已放行的物品才能打印标签。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="217" />
        <source>QC releases the lot first.</source>
        <translation>需先由 QC 放行该批次。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="221" />
        <source>%1 selected</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="221" />
        <source>Print its label: F9</source>
        <translation>打印其标签：F9</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="225" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="237" />
        <source>Nothing to print</source>
        <translation>没有可打印的内容</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="238" />
        <source>No unit or lot is selected.</source>
        <translation>未选择单件或批次。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="239" />
        <source>Scan the unit, or select it in the queue and press Enter.</source>
        <translation>请扫描单件，或在队列中选择后按 Enter。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="244" />
        <source>No label printer</source>
        <translation>无标签打印机</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="245" />
        <source>This station has no label printer connected.</source>
        <translation>本工位未连接标签打印机。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="246" />
        <source>Check the printer in the device strip; ask an administrator.</source>
        <translation>请查看设备状态栏中的打印机，并联系管理员。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="260" />
        <source>Label not printed</source>
        <translation>标签未打印</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="262" />
        <source>Fix the printer, then F9 again: the same job is sent, never twice.</source>
        <translation>排除打印机故障后再按 F9：发送的是同一任务，不会重复打印。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="270" />
        <source>The printer holds the label</source>
        <translation>打印机暂停了该标签</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="272" />
        <source>Fix the printer; the label prints then. Scan it back once applied.</source>
        <translation>排除打印机故障后标签即会打印。贴上后请回扫。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="275" />
        <source>Label printed: %1</source>
        <translation>标签已打印：%1</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="288" />
        <source>Label step passed.</source>
        <translation>贴标工序已通过。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="292" />
        <source>Label verified: %1</source>
        <translation>标签已核验：%1</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="297" />
        <source>Label does not match: voided</source>
        <translation>标签不符：已作废</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="298" />
        <source>Printed: %1
Scanned: %2</source>
        <translation>打印：%1
扫描：%2</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="301" />
        <source>Remove that label. A reprint needs a supervisor: F10.</source>
        <translation>请撕下该标签。补打需主管签名：F10。</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="356" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../packaging.py" line="358" />
        <source>Nothing was recorded. Press Enter to go on.</source>
        <translation>未记录任何内容。按 Enter 继续。</translation>
    </message>
</context>
<context>
    <name>PreviewBox</name>
    <message>
        <location filename="../packaging_parts.py" line="108" />
        <location filename="../packaging_parts.py" line="134" />
        <source>Label preview</source>
        <translation>标签预览</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="114" />
        <source>Labels for the lot (one per kit)</source>
        <translation>本批次标签数（每套件一张）</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="135" />
        <source>Scan a unit or select it in the queue.</source>
        <translation>扫描单件，或在队列中选择。</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="139" />
        <source>Label of %1 · template %2 v%3</source>
        <translation>%1 的标签 · 模板 %2 v%3</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <location filename="../packaging_parts.py" line="34" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="34" />
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="34" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="48" />
        <location filename="../packaging_parts.py" line="49" />
        <source>to print</source>
        <translation>待打印</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="50" />
        <source>printed: scan it back</source>
        <translation>待回扫</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="51" />
        <source>▲ held by the printer</source>
        <translation>▲ 打印机暂停</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="52" />
        <source>✖ not printed: print again</source>
        <translation>✖ 未打印：请重新打印</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="53" />
        <source>✖ voided: reprint</source>
        <translation>✖ 已作废：请补打</translation>
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
        <location filename="../qc_actions.py" line="119" />
        <source>Reading recorded</source>
        <translation>读数已记录</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="122" />
        <source>Out of tolerance: recorded</source>
        <translation>超出公差：已记录</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="124" />
        <source>%1 is open: the item is nonconforming until it is dispositioned.</source>
        <translation>%1 已开立：处置前该物品为不合格品。</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="161" />
        <source>%1 is on hold</source>
        <translation>%1 已冻结</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="167" />
        <source>Hold released: %1</source>
        <translation>已解除冻结：%1</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="174" />
        <source>No NCR selected</source>
        <translation>未选择 NCR</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="175" />
        <source>Choose the nonconformance first.</source>
        <translation>请先选择不合格品报告。</translation>
    </message>
    <message>
        <location filename="../qc_actions.py" line="176" />
        <source>Select it in the list (arrow keys) or scan its number.</source>
        <translation>在列表中选择（方向键），或扫描其编号。</translation>
    </message>
</context>
<context>
    <name>QcScreen</name>
    <message>
        <location filename="../qc.py" line="53" />
        <source>QC</source>
        <translation>QC</translation>
    </message>
    <message>
        <location filename="../qc.py" line="57" />
        <source>NEXT</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../qc.py" line="66" />
        <source>Release</source>
        <translation>放行</translation>
    </message>
    <message>
        <location filename="../qc.py" line="67" />
        <source>Nonconformances</source>
        <translation>不合格品</translation>
    </message>
    <message>
        <location filename="../qc.py" line="68" />
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../qc.py" line="69" />
        <source>Holds</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../qc.py" line="122" />
        <source>Looking up the scan…</source>
        <translation>正在查询扫描内容…</translation>
    </message>
    <message>
        <location filename="../qc.py" line="147" />
        <source>%1 selected</source>
        <translation>已选择 %1</translation>
    </message>
    <message>
        <location filename="../qc.py" line="150" />
        <source>%1 is not open</source>
        <translation>%1 不在待处理状态</translation>
    </message>
    <message>
        <location filename="../qc.py" line="151" />
        <source>%1 is not in the list of nonconformances to decide or close.</source>
        <translation>%1 不在待处置或待关闭的不合格品列表中。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="154" />
        <source>Check the number; a closed NCR is shown in the lot's review.</source>
        <translation>请核对编号；已关闭的 NCR 显示在批次审核中。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="161" />
        <source>Review of lot %1</source>
        <translation>批次审核：%1</translation>
    </message>
    <message>
        <location filename="../qc.py" line="162" />
        <source>Scanned: %1</source>
        <translation>已扫描：%1</translation>
    </message>
    <message>
        <location filename="../qc.py" line="176" />
        <source>What is wrong with %1 (F8 opens an NCR)</source>
        <translation>%1 有什么问题（F8 开立 NCR）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="181" />
        <source>Lot %1 · scanned %2</source>
        <translation>批次 %1 · 已扫描 %2</translation>
    </message>
    <message>
        <location filename="../qc.py" line="188" />
        <source>Scan a lot label or a unit label</source>
        <translation>扫描批次标签或单件标签</translation>
    </message>
    <message>
        <location filename="../qc.py" line="190" />
        <source>Resolve the blockers, then release (F9)</source>
        <translation>解决阻碍项后放行（F9）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="192" />
        <source>Ready: release the lot (F9)</source>
        <translation>就绪：放行该批次（F9）</translation>
    </message>
    <message>
        <location filename="../qc.py" line="194" />
        <source>Scan the next lot</source>
        <translation>扫描下一批次</translation>
    </message>
    <message>
        <location filename="../qc.py" line="212" />
        <source>Lot %1 cannot be released</source>
        <translation>批次 %1 不能放行</translation>
    </message>
    <message>
        <location filename="../qc.py" line="214" />
        <source>Resolve each blocker (nonconformances F2, holds F4), then release.</source>
        <translation>逐一解决阻碍项（不合格品 F2，冻结 F4），然后放行。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="220" />
        <source>Nothing to release</source>
        <translation>没有可放行的内容</translation>
    </message>
    <message>
        <location filename="../qc.py" line="221" />
        <source>Lot %1 is released already: %2</source>
        <translation>批次 %1 已放行：%2</translation>
    </message>
    <message>
        <location filename="../qc.py" line="222" />
        <source>Scan the next lot.</source>
        <translation>请扫描下一批次。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="231" />
        <source>Release of lot %1 (%2): %3 item(s)</source>
        <translation>放行批次 %1（%2）：%3 件</translation>
    </message>
    <message>
        <location filename="../qc.py" line="239" />
        <source>Lot %1 released: %2 unit(s)</source>
        <translation>批次 %1 已放行：%2 件</translation>
    </message>
    <message>
        <location filename="../qc.py" line="282" />
        <source>Nothing scanned</source>
        <translation>未扫描</translation>
    </message>
    <message>
        <location filename="../qc.py" line="283" />
        <source>This needs a lot or a unit.</source>
        <translation>此操作需要批次或单件。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="284" />
        <source>Scan the lot label or the unit's label first.</source>
        <translation>请先扫描批次标签或单件标签。</translation>
    </message>
    <message>
        <location filename="../qc.py" line="298" />
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../qc.py" line="300" />
        <source>Nothing was recorded. Press Enter to go on.</source>
        <translation>未记录任何内容。按 Enter 继续。</translation>
    </message>
</context>
<context>
    <name>QcWords</name>
    <message>
        <location filename="../qc_review.py" line="38" />
        <source>⚠ SIGNATURE INVALID: %1</source>
        <translation>⚠ 签名无效：%1</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="45" />
        <source>rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="46" />
        <source>scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="47" />
        <source>use as is</source>
        <translation>让步接收</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="51" />
        <source>→ step %1</source>
        <translation>→ 工序 %1</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <location filename="../packaging_parts.py" line="197" />
        <source>Reconcile labels</source>
        <translation>标签对账</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="202" />
        <source>Labels applied</source>
        <translation>已贴标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="203" />
        <source>Labels destroyed</source>
        <translation>已销毁标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="204" />
        <source>Labels returned unused</source>
        <translation>未用退回标签</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="209" />
        <source>Reconcile</source>
        <translation>对账</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="212" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="217" />
        <source>Label reconciliation of %1</source>
        <translation>标签对账：%1</translation>
    </message>
    <message>
        <location filename="../packaging_parts.py" line="219" />
        <source>Count the labels of this lot on the line.</source>
        <translation>清点产线上本批次的标签。</translation>
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
        <source>in production</source>
        <translation>生产中</translation>
    </message>
</context>
<context>
    <name>ReviewBrowser</name>
    <message>
        <location filename="../qc_review.py" line="102" />
        <source>Scan a lot label or a unit label to see its review.</source>
        <translation>扫描批次标签或单件标签，查看其审核。</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="113" />
        <source>Lot %1 · %2</source>
        <translation>批次 %1 · %2</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="114" />
        <source>GTIN %1 · status: %2</source>
        <translation>GTIN %1 · 状态：%2</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="136" />
        <source>✔  RELEASED — signed</source>
        <translation>✔  已放行 — 已签名</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="139" />
        <source>✖  NOT READY FOR RELEASE — %1 blocker(s)</source>
        <translation>✖  不能放行 — %1 个阻碍项</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="144" />
        <source>●  READY FOR RELEASE — %1 item(s): press F9 to release</source>
        <translation>●  可以放行 — %1 件：按 F9 放行</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="160" />
        <source>every step passed</source>
        <translation>全部工序已通过</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="164" />
        <source>Unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="164" />
        <location filename="../qc_review.py" line="181" />
        <location filename="../qc_review.py" line="242" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="164" />
        <source>Steps passed</source>
        <translation>已通过工序</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="164" />
        <source>Next step</source>
        <translation>下一工序</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="165" />
        <source>Units</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="179" />
        <source>NCR</source>
        <translation>NCR</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="180" />
        <location filename="../qc_review.py" line="203" />
        <location filename="../qc_review.py" line="223" />
        <location filename="../qc_review.py" line="241" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="182" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="183" />
        <source>Disposition and signature</source>
        <translation>处置与签名</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="185" />
        <source>Nonconformances</source>
        <translation>不合格品</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="202" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="204" />
        <location filename="../qc_review.py" line="239" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="205" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="206" />
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="208" />
        <source>Deviations and overrides</source>
        <translation>偏差与超控</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="215" />
        <source>ON HOLD</source>
        <translation>冻结中</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="215" />
        <source>released</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="224" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="225" />
        <location filename="../qc_review.py" line="243" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="226" />
        <source>Placed</source>
        <translation>冻结记录</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="227" />
        <source>Released</source>
        <translation>解除记录</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="229" />
        <source>Holds</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="232" />
        <source>reprint</source>
        <translation>补打</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="233" />
        <source>voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="240" />
        <source>Job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../qc_review.py" line="245" />
        <source>Reprinted and voided labels</source>
        <translation>补打与作废的标签</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../signature.py" line="56" />
        <location filename="../signature.py" line="69" />
        <source>Electronic signature</source>
        <extracomment>sign(username or None, password, reason) -&gt; the use case's result (runs on a worker thread)</extracomment>
        <translation>电子签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="73" />
        <source>You sign</source>
        <translation>签署内容</translation>
    </message>
    <message>
        <location filename="../signature.py" line="74" />
        <location filename="../signature.py" line="129" />
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <location filename="../signature.py" line="81" />
        <source>Say why, in words a reviewer will understand</source>
        <translation>说明原因，让审核人能看懂</translation>
    </message>
    <message>
        <location filename="../signature.py" line="84" />
        <location filename="../signature.py" line="87" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="85" />
        <location filename="../signature.py" line="88" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../signature.py" line="94" />
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="97" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../signature.py" line="107" />
        <source>First signature of this session: enter your user name and your password.</source>
        <translation>本次会话首次签名：请输入用户名和密码。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="110" />
        <source>You signed earlier in this session: enter your password.</source>
        <translation>本次会话中您已签过名：请输入密码。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="113" />
        <source>It records name, date, time and meaning; it binds like a handwritten one.</source>
        <translation>签名将记录姓名、日期、时间和签名含义，与手写签名具有同等约束力。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="119" />
        <source>✔  Signed</source>
        <translation>✔  已签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="127" />
        <source>Printed name</source>
        <translation>全名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="128" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../signature.py" line="141" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../signature.py" line="180" />
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
    <message>
        <location filename="../signature.py" line="202" />
        <source>Not signed</source>
        <translation>未签名</translation>
    </message>
    <message>
        <location filename="../signature.py" line="204" />
        <source>Nothing was recorded. Try again or Esc.</source>
        <translation>未记录任何内容。请重试，或按 Esc。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="228" />
        <source>Scan not used</source>
        <translation>扫描未被采用</translation>
    </message>
    <message>
        <location filename="../signature.py" line="229" />
        <source>The scan "%1" was not used while this signature is open.</source>
        <translation>签名进行中，扫描“%1”未被采用。</translation>
    </message>
    <message>
        <location filename="../signature.py" line="232" />
        <source>Sign or cancel first, then scan again.</source>
        <translation>请先签名或取消，然后重新扫描。</translation>
    </message>
</context>
<context>
    <name>TraceScreen</name>
    <message>
        <location filename="../trace.py" line="44" />
        <source>Scan or type a UDI, serial, lot, SSCC or supplier lot, then Enter</source>
        <translation>扫描或输入 UDI、序列号、批次、SSCC 或供应商批次，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../trace.py" line="52" />
        <location filename="../trace.py" line="68" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../trace.py" line="53" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../trace.py" line="54" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../trace.py" line="55" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../trace.py" line="56" />
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../trace.py" line="57" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../trace.py" line="64" />
        <source>Shipment or record</source>
        <translation>发货单或记录</translation>
    </message>
    <message>
        <location filename="../trace.py" line="65" />
        <location filename="../trace.py" line="93" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../trace.py" line="66" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../trace.py" line="67" />
        <source>Site</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../trace.py" line="71" />
        <source>Export what is shown</source>
        <translation>导出当前内容</translation>
    </message>
    <message>
        <location filename="../trace.py" line="74" />
        <source>Backward: what went into it</source>
        <translation>反向追溯：所用物料</translation>
    </message>
    <message>
        <location filename="../trace.py" line="75" />
        <source>Forward: where it went</source>
        <translation>正向追溯：去向</translation>
    </message>
    <message>
        <location filename="../trace.py" line="76" />
        <source>Shipments, customers, sites</source>
        <translation>发货、客户、地点</translation>
    </message>
    <message>
        <location filename="../trace.py" line="77" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../trace.py" line="88" />
        <source>Trace</source>
        <translation>追溯</translation>
    </message>
    <message>
        <location filename="../trace.py" line="93" />
        <source>Item</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../trace.py" line="93" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../trace.py" line="93" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../trace.py" line="110" />
        <source>Tracing…</source>
        <translation>正在追溯…</translation>
    </message>
    <message>
        <location filename="../trace.py" line="115" />
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../trace.py" line="117" />
        <source>Scan the UDI label, or type a serial, lot or SSCC.</source>
        <translation>请扫描 UDI 标签，或输入序列号、批次或 SSCC。</translation>
    </message>
    <message>
        <location filename="../trace.py" line="134" />
        <source>%1 units downstream, %2 customers reached.</source>
        <translation>下游 %1 件，涉及 %2 个客户。</translation>
    </message>
    <message>
        <location filename="../trace.py" line="137" />
        <source>Only the first 500 items of each direction are shown.</source>
        <translation>每个方向仅显示前 500 项。</translation>
    </message>
    <message>
        <location filename="../trace.py" line="148" />
        <source>removed</source>
        <translation>已拆除</translation>
    </message>
    <message>
        <location filename="../trace.py" line="174" />
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context><name>services</name><message><source>closed</source><translation>已关闭</translation></message><message><source>completed</source><translation>已完成</translation></message><message><source>consumed</source><translation>已耗用</translation></message><message><source>disposed</source><translation>已处置</translation></message><message><source>in production</source><translation>生产中</translation></message><message><source>in quarantine</source><translation>隔离中</translation></message><message><source>installed</source><translation>已安装</translation></message><message><source>nonconforming</source><translation>不合格</translation></message><message><source>open</source><translation>未关闭</translation></message><message><source>packed</source><translation>已装箱</translation></message><message><source>rejected</source><translation>已拒收</translation></message><message><source>released</source><translation>已放行</translation></message><message><source>returned</source><translation>已退回</translation></message><message><source>scrapped</source><translation>已报废</translation></message><message><source>shipped</source><translation>已发货</translation></message><message><source>{status}</source><translation>{status}</translation></message></context></TS>